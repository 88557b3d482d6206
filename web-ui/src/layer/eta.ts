import type { ValidationData } from '../stream/events';

export interface Eta {
  /** seconds left before the estimate, null when there is none */
  left: number | null;
  /** seconds the generation has run past its estimate (0 while within it) */
  overdue: number;
  text: string;
}

const duration = (s: number) => (s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`);

/**
 * The remaining time from the service's `estimated_completion`, said honestly: once the estimate has passed and
 * the work goes on, it says by how much it is late instead of "0 s left".
 */
export function describeEta(iso: string | null | undefined, now: number): Eta {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at)) return { left: null, overdue: 0, text: 'estimating…' };
  const diff = Math.round((at - now) / 1000);
  if (diff >= 0) return { left: diff, overdue: 0, text: `about ${duration(diff)} left` };
  return { left: 0, overdue: -diff, text: `${duration(-diff)} past the estimate, still working` };
}

export interface CheckProgress {
  done: number;
  total: number | null;
  failed: number;
}

/** The checks of the latest validation round: how many arrived, out of how many, how many failed. */
export function checkProgress(validations: ValidationData[]): CheckProgress {
  const round = validations.reduce((m, v) => Math.max(m, v.checkpoint ?? 0), 0);
  const latest = validations.filter((v) => (v.checkpoint ?? 0) === round);
  const total = latest.reduce<number | null>((t, v) => (typeof v.total === 'number' ? Math.max(t ?? 0, v.total) : t), null);
  return {
    done: latest.length,
    total,
    failed: latest.filter((v) => v.status === 'fail' || v.status === 'error').length,
  };
}
