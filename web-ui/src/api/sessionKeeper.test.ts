import { describe, expect, it } from 'vitest';
import { SessionKeeper, type KeeperHost } from './sessionKeeper';

/** A clock, timers and a network the test drives: each request is answered by the next scripted status. */
class Host implements KeeperHost {
  time = 1_000_000;
  requests: string[] = [];
  answers: Array<{ status: number; body?: unknown }> = [];
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;

  fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    this.requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const answer = this.answers.shift();
    if (!answer) throw new TypeError('network down');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  }) as typeof fetch;

  now = () => this.time;

  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };

  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Moves the clock, running the timers that fall due, and lets their promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    this.time = end;
  }
}

describe('SessionKeeper', () => {
  it('shouldRenewAheadOfExpiryWhenTheUserWasActive', async () => {
    // Given: a 60 s access token, and the user clicks after 10 s
    const host = new Host();
    const keeper = new SessionKeeper(host);
    keeper.expiresIn(60);
    await host.advance(10_000);
    keeper.noteActivity();
    host.answers.push({ status: 200, body: { user: 'alice', tenant: 'acme', roles: [], expiresIn: 60 } });

    // When: a fifth of the lifespan before expiry
    await host.advance(38_000);

    // Then
    expect(host.requests).toEqual(['POST /api/v1/session/refresh']);
    expect(keeper.expiringSoon()).toBe(false);
  });

  it('shouldLetTheTokenLapseInAnUnattendedTab', async () => {
    // Given: nobody touches the portal
    const host = new Host();
    const keeper = new SessionKeeper(host);
    keeper.expiresIn(60);

    // When
    await host.advance(120_000);

    // Then
    expect(host.requests).toEqual([]);
    expect(keeper.expiringSoon()).toBe(true);
  });

  it('shouldRenewOnceOnA401AndSendTheRequestAgain', async () => {
    // Given: the access cookie has expired
    const host = new Host();
    const keeper = new SessionKeeper(host);
    host.answers.push({ status: 401 }, { status: 200, body: { expiresIn: 900 } }, { status: 200, body: { user: 'alice' } });

    // When
    const response = await keeper.fetch('/api/v1/documents');

    // Then
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: 'alice' });
    expect(host.requests).toEqual(['GET /api/v1/documents', 'POST /api/v1/session/refresh', 'GET /api/v1/documents']);
  });

  it('shouldShareOneRenewalBetweenConcurrentRequests', async () => {
    // Given
    const host = new Host();
    const keeper = new SessionKeeper(host);

    // When: two callers ask at once
    host.answers.push({ status: 200, body: { expiresIn: 900 } });
    const [first, second] = await Promise.all([keeper.renew(), keeper.renew()]);

    // Then
    expect([first, second]).toEqual(['renewed', 'renewed']);
    expect(host.requests).toEqual(['POST /api/v1/session/refresh']);
  });

  it('shouldEndTheSessionWhenTheRenewalIsRefused', async () => {
    // Given: the realm session ended (a logout elsewhere, the idle timeout)
    const host = new Host();
    const keeper = new SessionKeeper(host);
    let ended = 0;
    keeper.onEnded(() => ended++);
    host.answers.push({ status: 401 }, { status: 401, body: { code: 'session_expired' } });

    // When
    const response = await keeper.fetch('/api/v1/documents');

    // Then: the 401 reaches the caller, no second try of the request
    expect(response.status).toBe(401);
    expect(ended).toBe(1);
    expect(host.requests).toEqual(['GET /api/v1/documents', 'POST /api/v1/session/refresh']);
  });

  it('shouldNotRenewForTheSessionRoutesThemselves', async () => {
    // Given
    const host = new Host();
    const keeper = new SessionKeeper(host);
    host.answers.push({ status: 401 });

    // When
    const response = await keeper.fetch('/api/v1/session/refresh', { method: 'POST' });

    // Then
    expect(response.status).toBe(401);
    expect(host.requests).toEqual(['POST /api/v1/session/refresh']);
  });

  it('shouldRetryARenewalTheNetworkLostWhileTheTokenIsStillValid', async () => {
    // Given: an active user, and the first renewal meets a network failure
    const host = new Host();
    const keeper = new SessionKeeper(host);
    keeper.expiresIn(60);
    keeper.noteActivity();
    await host.advance(1);

    // When: the renewal at 48 s fails, the one 5 s later succeeds
    await host.advance(48_000);
    host.answers.push({ status: 200, body: { expiresIn: 60 } });
    await host.advance(5_000);

    // Then
    expect(host.requests).toEqual(['POST /api/v1/session/refresh', 'POST /api/v1/session/refresh']);
    expect(keeper.expiringSoon()).toBe(false);
  });
});
