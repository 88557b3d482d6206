import type { BlockView } from '../stream/generationReducer';

export interface AssembledLayer {
  text: string;
  /** 1-based first line of each block's text, by block key (for revealing a block or a failing check) */
  lines: Record<string, number>;
  /** blocks with no text in this dialect yet */
  missing: string[];
}

/**
 * The layer as the editor shows it: targets in order, each target's blocks in compiler order under a
 * comment naming target, block and version. A block not yet written in this dialect shows as pending.
 */
export function assembleLayer(groups: Array<[string, BlockView[]]>, dialect: string, comment = '--'): AssembledLayer {
  const out: string[] = [];
  const lines: Record<string, number> = {};
  const missing: string[] = [];
  for (const [target, blocks] of groups) {
    out.push(`${comment} ===== target ${target} =====`);
    for (const block of blocks) {
      const version = block.version ? ` v${block.version}` : '';
      out.push(`${comment} --- ${target} · ${block.name}${version} (${block.status})`);
      lines[block.key] = out.length;
      const sql = block.sql[dialect];
      if (sql === undefined) {
        missing.push(block.key);
        out.push(`${comment} (pending)`);
      } else {
        out.push(...sql.replace(/\s+$/, '').split('\n'));
      }
    }
    out.push('');
  }
  return { text: out.join('\n'), lines, missing };
}

/** Seconds until an ISO instant, never negative; null when there is no estimate. */
export function secondsUntil(iso: string | null | undefined, now: number): number | null {
  if (!iso) {
    return null;
  }
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000));
}

export function formatRemaining(seconds: number | null): string {
  if (seconds === null) {
    return 'estimating…';
  }
  if (seconds < 60) {
    return `about ${seconds} s left`;
  }
  return `about ${Math.floor(seconds / 60)} min ${seconds % 60} s left`;
}
