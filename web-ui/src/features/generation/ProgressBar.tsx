import { useEffect, useState } from 'react';
import { checkProgress, describeEta } from '../../layer/eta';
import type { GenerationState } from '../../stream/generationReducer';

/**
 * Stage, counts and the remaining time the service estimates; 100% only when the generation is complete.
 * While the layer is being validated the checks have their own bar (arrived / total), and an estimate that
 * has passed says how late the work is rather than "0 s left".
 */
export function ProgressBar({ state }: { state: GenerationState }) {
  const [now, setNow] = useState(() => Date.now());
  const running = !state.finished;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const p = state.progress;
  const percentage = state.finished && state.status !== 'error' ? 100 : Math.min(99, Math.round(p?.progress_percentage ?? 0));
  const stats = (p?.stats ?? {}) as Record<string, unknown>;
  const num = (k: string) => (typeof stats[k] === 'number' ? (stats[k] as number) : null);
  const blocks = Object.values(state.blocks);
  const completed = blocks.filter((b) => b.status === 'completed').length;
  const checks = checkProgress(state.validations);
  const stage = state.finished ? state.generationStatus ?? (state.status === 'error' ? 'failed' : 'completed') : p?.stage ?? 'starting';
  const validating = !state.finished && (stage === 'validating' || (checks.done > 0 && completed === blocks.length && blocks.length > 0));
  const parts = [
    `${state.targets.length} target(s)`,
    num('total_rows') !== null ? `${num('rows_compiled') ?? 0}/${num('total_rows')} rows` : null,
    `${completed}/${blocks.length} blocks`,
    checks.done > 0 ? `${checks.done}${checks.total ? `/${checks.total}` : ''} checks${checks.failed ? `, ${checks.failed} failed` : ''}` : null,
  ].filter(Boolean);
  const eta = describeEta(p?.estimated_completion, now);
  return (
    <div className="progress" data-testid="progress">
      <progress max={100} value={percentage} aria-label={`Progress: ${percentage}% (${stage})`} />
      <span>
        <strong data-testid="stage">{stage}</strong> {percentage}% · {parts.join(' · ')}
        {state.finished ? '' : <span data-testid="eta" className={eta.overdue ? 'late' : ''}>{` · ${eta.text}`}</span>}
      </span>
      {validating && (
        <span className="row" data-testid="check-progress">
          <progress
            max={checks.total ?? undefined}
            value={checks.total ? checks.done : undefined}
            aria-label={checks.total ? `Checks: ${checks.done} of ${checks.total}` : `Checks: ${checks.done} so far`}
          />
          <span className="muted">
            validating: {checks.done}
            {checks.total ? ` of ${checks.total}` : ''} checks
          </span>
        </span>
      )}
      {p?.message && !state.finished ? <span className="muted ellipsis">{p.message}</span> : null}
    </div>
  );
}
