/**
 * Keeps the portal's session alive while the realm's refresh token is valid, without this code ever seeing a token:
 * the access token and the refresh token stay in HttpOnly cookies (the refresh cookie is sent only to
 * /api/v1/session), and the portal knows only how many seconds the access token has left (`expiresIn` of
 * GET /api/v1/me and of POST /api/v1/session/refresh).
 *
 * - Ahead of expiry (a fifth of the lifespan, 5 to 60 s before it) the session is renewed when the user did something
 *   since the last renewal (a key, a click, an event arriving on an open stream); an unattended tab lets the access
 *   token lapse, so the realm's idle timeout still ends a forgotten session.
 * - A request answered 401 renews the session once (one renewal at a time, shared by every caller) and is sent again.
 * - A renewal the gateway refuses (401: the realm session ended, a logout in another tab, the idle timeout) ends the
 *   session in the portal.
 */
export type Renewal = 'renewed' | 'ended' | 'unavailable';

export const SESSION_PATH = '/api/v1/session';
const MIN_MARGIN_MS = 5_000;
const MAX_MARGIN_MS = 60_000;
const RETRY_MS = 5_000;

export interface KeeperHost {
  fetch: typeof fetch;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const browserHost: KeeperHost = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SessionKeeper {
  private expiresAt: number | null = null;
  private lifespanMs = 0;
  private lastRenewal = 0;
  private lastActivity = 0;
  private timer: unknown = null;
  private inFlight: Promise<Renewal> | null = null;
  private ended: (() => void) | null = null;

  constructor(private readonly host: KeeperHost = browserHost) {}

  /** The access token has {@code seconds} left (from /me or a renewal); schedules the next renewal. */
  expiresIn(seconds: number | null | undefined): void {
    if (this.timer !== null) {
      this.host.clearTimeout(this.timer);
      this.timer = null;
    }
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
      this.expiresAt = null;
      return;
    }
    const now = this.host.now();
    this.lifespanMs = Math.max(0, seconds * 1000);
    this.expiresAt = now + this.lifespanMs;
    this.schedule(Math.max(0, this.expiresAt - this.margin() - now));
  }

  /** Called when the session ends without a logout of this tab (a refused renewal). */
  onEnded(listener: (() => void) | null): void {
    this.ended = listener;
  }

  /** The user did something (or the portal received something the user is watching). */
  noteActivity(): void {
    this.lastActivity = this.host.now();
  }

  /** Forgets the session (logout): no renewal is scheduled any more. */
  stop(): void {
    this.expiresIn(null);
    this.lastActivity = 0;
  }

  /** True when the access token has expired or is about to (or its expiry is unknown). */
  expiringSoon(): boolean {
    return this.expiresAt === null || this.expiresAt - this.host.now() <= this.margin();
  }

  /** Renews the session with the refresh cookie; concurrent callers share one request. */
  renew(): Promise<Renewal> {
    if (!this.inFlight) {
      this.inFlight = this.refresh().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /**
   * fetch with the session: a 401 (the access cookie expired or was refused) renews the session once and sends the
   * request again; the session's own routes are sent as they are.
   */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await this.host.fetch(url, init);
    if (response.status !== 401 || url.startsWith(SESSION_PATH)) {
      return response;
    }
    const renewal = await this.renew();
    return renewal === 'renewed' ? this.host.fetch(url, init) : response;
  }

  private margin(): number {
    return Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, this.lifespanMs / 5));
  }

  private schedule(delay: number): void {
    this.timer = this.host.setTimeout(() => {
      this.timer = null;
      void this.onTimer();
    }, delay);
  }

  private async onTimer(): Promise<void> {
    if (this.lastActivity <= this.lastRenewal) {
      return; // nobody is here: the access token lapses; the next request renews it (or the realm says it is over)
    }
    const renewal = await this.renew();
    if (renewal === 'unavailable' && this.expiresAt !== null && this.expiresAt > this.host.now()) {
      this.schedule(RETRY_MS);
    }
  }

  private async refresh(): Promise<Renewal> {
    let response: Response;
    try {
      response = await this.host.fetch(`${SESSION_PATH}/refresh`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      return 'unavailable';
    }
    if (response.status === 401) {
      this.expiresIn(null);
      this.ended?.();
      return 'ended';
    }
    if (!response.ok) {
      return 'unavailable';
    }
    let seconds: number | undefined;
    try {
      seconds = ((await response.json()) as { expiresIn?: number }).expiresIn;
    } catch {
      seconds = undefined;
    }
    this.lastRenewal = this.host.now();
    this.expiresIn(typeof seconds === 'number' ? seconds : null);
    return 'renewed';
  }
}

/** The portal's one keeper. */
export const sessionKeeper = new SessionKeeper();

/**
 * onClick of a link the browser follows itself (a download, the data dictionary): when the access token has run out,
 * the session is renewed first and the link followed then, so the file is not a 401 answer.
 */
export function followWithSession(event: { preventDefault: () => void; currentTarget: HTMLAnchorElement }): void {
  if (!sessionKeeper.expiringSoon()) return;
  event.preventDefault();
  const link = event.currentTarget;
  void sessionKeeper.renew().then((renewal) => {
    if (renewal === 'renewed') link.click();
  });
}
