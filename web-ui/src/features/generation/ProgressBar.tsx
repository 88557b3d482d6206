import { useEffect, useState } from 'react';
import { formatRemaining, secondsUntil } from '../../layer/assemble';
import type { GenerationState } from '../../stream/generationReducer';

/** Stage, counts and the remaining time the service estimates; 100% only when the generation is complete. */
export function ProgressBar({ state }: { state: GenerationState }) {
  const [now, setNow] = useState(() => Date.now());
  const running = !state.finished;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const p = state.progress;
  const percentage = Math.round(p?.progress_percentage ?? 0);
  const stats = (p?.stats ?? {}) as Record<string, unknown>;
  const num = (k: string) => (typeof stats[k] === 'number' ? (stats[k] as number) : null);
  const blocks = Object.values(state.blocks);
  const completed = blocks.filter((b) => b.status === 'completed').length;
  const checks = state.validations.length;
  const total = state.validations.find((v) => typeof v.total === 'number')?.total ?? null;
  const stage = state.finished ? state.generationStatus ?? (state.status === 'error' ? 'failed' : 'completed') : p?.stage ?? 'starting';
  const parts = [
    `${state.targets.length} target(s)`,
    num('total_rows') !== null ? `${num('rows_compiled') ?? 0}/${num('total_rows')} rows` : null,
    `${completed}/${blocks.length} blocks`,
    checks > 0 ? `${checks}${total ? `/${total}` : ''} checks` : null,
  ].filter(Boolean);
  const remaining = state.finished ? null : secondsUntil(p?.estimated_completion, now);
  return (
    <div className="progress" data-testid="progress">
      <progress max={100} value={percentage} aria-label={`Progress: ${percentage}% (${stage})`} />
      <span>
        <strong data-testid="stage">{stage}</strong> {percentage}% · {parts.join(' · ')}
        {state.finished ? '' : ` · ${formatRemaining(remaining)}`}
      </span>
      {p?.message && !state.finished ? <span className="muted ellipsis">{p.message}</span> : null}
    </div>
  );
}
