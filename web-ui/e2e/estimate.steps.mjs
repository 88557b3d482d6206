// The remaining time reaches the user: a generated mapping of many targets (long enough to watch, where jaffle-shop
// finishes in a few seconds) is generated, and the progress bar says "about … left" from the service's
// estimated_completion while it compiles, and again while the layer is validated. "estimating…" is never accepted.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInDuckDb, uploadFile } from './document.steps.mjs';

const TARGETS = 12;
const ROWS_PER_TARGET = 120;
const RULES = ['Direct move', 'Trim', 'Upper case', 'Lower case'];

/** A CSV mapping of TARGETS targets of ROWS_PER_TARGET rows, each target reading its own source table. */
function manyTargets() {
  const lines = ['Target Table,Target Column,Target Data Type,Source Table,Source Column,Transformation'];
  for (let t = 0; t < TARGETS; t++) {
    const target = `target_${String(t).padStart(2, '0')}`;
    for (let r = 0; r < ROWS_PER_TARGET; r++) {
      lines.push(`${target},col_${r},VARCHAR,${target.replace('target_', 'source_')},field_${r},${RULES[r % RULES.length]}`);
    }
  }
  return lines.join('\n');
}

const ESTIMATE = /^ · about (\d+ s|\d+ min \d+ s) left$/;

export async function estimateSteps({ step, check, page, base, waitComplete }) {
  await step('a long generation shows the time left ("about … left") from the service\'s estimate, an estimate while it is validated, and checks arriving one by one', async () => {
    const file = join(tmpdir(), `portal-e2e-estimate-${Date.now()}.csv`);
    writeFileSync(file, manyTargets());
    await uploadFile(page, base, file);
    // DuckDB only: every dialect's SQL of 1,440 columns would not fit the hashmap_sync event in one Kafka record
    await generateInDuckDb(page);

    // the first estimate arrives once rows were compiled; until then the bar says "estimating…"
    const eta = page.getByTestId('eta');
    await eta.filter({ hasText: ESTIMATE }).waitFor();
    const firstEta = await eta.textContent();
    const firstStage = await page.getByTestId('stage').textContent();
    // validating: the service estimates that stage too (a passed estimate says how late it is, never "estimating…")
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="stage"]')?.textContent === 'validating' &&
        / · (about .+ left|.+ past the estimate, still working)$/.test(document.querySelector('[data-testid="eta"]')?.textContent ?? ''),
    );
    const validatingEta = await eta.textContent();
    // the checks arrive live: some of them shown while the others still run (the checks' bar is gone once complete)
    const live = await page.waitForFunction(() => {
      const m = /validating: (\d+)(?: of (\d+))? checks/.exec(document.querySelector('[data-testid="check-progress"]')?.textContent ?? '');
      return m && Number(m[1]) > 0 && (!m[2] || Number(m[1]) < Number(m[2])) ? m[0] : null;
    });
    const liveChecks = await live.jsonValue();
    await waitComplete(page);
    console.log(`       ${firstStage}: "${firstEta.slice(3)}"; validating: "${validatingEta.slice(3)}", then "${liveChecks}" before the end`);
    check(ESTIMATE.test(firstEta) && firstStage !== 'completed', `the bar said "${firstEta}" in stage ${firstStage}`);
    check(!/estimating/.test(validatingEta), `while validating the bar said "${validatingEta}"`);
  });
}
