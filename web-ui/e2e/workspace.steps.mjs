// Browser steps of the generation workspace against the real stack, on a completed generation of the jaffle-shop
// mapping: what Monaco holds for every target and each of the eight dialects (compared with what the API stored),
// the lineage of a column (sources, rule, joins, mapping row), the reference autocomplete from the real document,
// schema and stages, and the workspace worked with the keyboard alone. Then, on a mapping of its own, a column the
// compiler cannot compile listed with its reason and its mapping row.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInDuckDb, uploadFile } from './document.steps.mjs';

const SQL_DIALECTS = { duckdb: 'DuckDB', postgres: 'PostgreSQL', spark: 'Spark SQL', snowflake: 'Snowflake', bigquery: 'BigQuery', ansi: 'ANSI SQL' };

/** The lines Monaco shows, top to bottom (it keeps only the visible ones in the DOM), with its spaces as spaces. */
export async function editorLines(page) {
  return page.getByTestId('code-editor').evaluate((el) =>
    [...el.querySelectorAll('.view-lines .view-line')]
      .map((l) => [parseFloat(l.style.top), l.textContent.replace(/\u00a0/g, ' ')])
      .sort((a, b) => a[0] - b[0])
      .map(([, text]) => text),
  );
}

/** Waits until the editor's first visible lines are the first lines of {@code text}; the last visible line may be cut. */
async function editorShows(page, text, what) {
  const expected = text.replace(/\s+$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));
  let shown = [];
  for (let tries = 0; tries < 50; tries++) {
    shown = (await editorLines(page)).map((l) => l.replace(/\s+$/, ''));
    const whole = shown.slice(0, Math.max(1, Math.min(shown.length - 1, expected.length)));
    if (shown.length > 0 && whole.every((l, i) => l === expected[i])) return whole.length;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: the editor shows ${JSON.stringify(shown.slice(0, 3))}, the API ${JSON.stringify(expected.slice(0, 3))}`);
}

/** The file names of a zip's central directory, in its order (each entry: signature, 42 bytes, then the name). */
function zipNames(zip) {
  const names = [];
  for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 46, 'latin1')) {
    names.push(zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)));
  }
  return names;
}

/** The block of the hashmap by its key "target/name", whichever way the hashmap keys it. */
function blockOf(hashmap, key) {
  const [target, name] = key.split('/');
  return hashmap.blocks[key] ?? Object.values(hashmap.blocks).find((b) => b.target === target && b.block_name === name);
}

export async function workspaceSteps({ step, check, page, base, api, generationId, documentId, noHorizontalScroll }) {
  const hashmap = await (await api(page, `${base}/api/v1/generations/${generationId}`)).json();
  const targets = [...new Set(Object.values(hashmap.blocks).map((b) => b.target))];

  await step('a block chosen while Monaco is still on its way (a slow network) is what the editor shows once it arrives', async () => {
    // routing disables the page's HTTP cache, so the reload fetches Monaco's chunk again, held back until released
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const hold = async (route) => {
      await held;
      await route.continue();
    };
    await page.route('**/assets/monaco-*.js', hold);
    try {
      await page.goto(`${base}/generations/${generationId}`);
      await page.getByTestId('stream-status').filter({ hasText: /^complete$/ }).waitFor();
      const key = await page.locator('.tree-target [data-block]').last().getAttribute('data-block');
      await page.locator(`[data-block="${key}"]`).click();
      check((await page.getByTestId('code-editor').locator('.view-lines').count()) === 0, 'Monaco was there before it was released');
      release();
      await editorShows(page, blockOf(hashmap, key).sql_by_dialect.duckdb, `${key}, chosen before Monaco arrived`);
    } finally {
      release();
      await page.unroute('**/assets/monaco-*.js', hold);
    }
    await page.getByRole('button', { name: 'Whole layer' }).click();
  });

  await step('the editor (Monaco) holds the blocks of every target as the API stored them', async () => {
    check(targets.length >= 3, `the generation has ${targets.length} targets`);
    for (const target of targets) {
      const first = page.locator(`.tree-target[data-target="${target}"] [data-block]`).first();
      const key = await first.getAttribute('data-block');
      await first.click();
      await page.locator(`[data-block="${key}"][aria-pressed="true"]`).waitFor();
      await editorShows(page, blockOf(hashmap, key).sql_by_dialect.duckdb, `${key} in DuckDB`);
    }
  });

  await step('the dialect switch shows each of the eight dialects: six of blocks, the PySpark job and the dbt project\'s files', async () => {
    const key = await page.locator('[data-block]').first().getAttribute('data-block');
    await page.locator(`[data-block="${key}"]`).click();
    for (const [dialect, label] of Object.entries(SQL_DIALECTS)) {
      await page.getByTestId('dialect').selectOption(dialect);
      const sql = blockOf(hashmap, key).sql_by_dialect[dialect];
      check(sql, `the API has no ${dialect} text of ${key}`);
      await editorShows(page, sql, `${key} in ${label}`);
      const [target, name] = key.split('/');
      await page.locator(`[aria-label="${target} ${name} in ${label}"]`).first().waitFor({ state: 'attached' });
    }
    await page.getByTestId('dialect').selectOption('pyspark');
    const job = await (await api(page, `${base}/api/v1/generations/${generationId}/artifacts/pyspark`)).text();
    await editorShows(page, job, 'the PySpark job');
    // the dbt project is a zip: the editor shows its files, each under a comment naming it, in the zip's order
    await page.getByTestId('dialect').selectOption('dbt');
    const zip = Buffer.from(await (await api(page, `${base}/api/v1/generations/${generationId}/artifacts/dbt`)).body());
    const names = zipNames(zip);
    check(names.includes('dbt_project.yml') && names.some((n) => /^models\/.+\.sql$/.test(n)), `the dbt zip holds ${names.join(', ')}`);
    await page.getByTestId('code-editor').locator('.view-line', { hasText: `===== ${names[0]} =====` }).first().waitFor();
    const model = names.find((n) => /^models\/.+\.sql$/.test(n));
    const modelTarget = model.replace(/^models\/|\.sql$/g, '');
    await page.getByTestId('code-editor').locator('.view-line', { hasText: `-- ===== ${model} =====` }).first().waitFor();
    await page.getByTestId('code-editor').locator('.view-line', { hasText: `-- ${modelTarget} generated by AIDE` }).first().waitFor();
    await page.getByTestId('dialect').selectOption('duckdb');
    await page.getByRole('button', { name: 'Whole layer' }).click();
  });

  await step('the lineage of a column gives its source columns, its rule, the joins it needs and its mapping row', async () => {
    const lineage = await (await api(page, `${base}/api/v1/generations/${generationId}/lineage`)).json();
    const rows = (await (await api(page, `${base}/api/v1/documents/${documentId}/rows?version=${hashmap.spec_version}`)).json()).rows;
    const ruleOf = Object.fromEntries(rows.map((r) => [r.ref, r.transformation ?? '']));
    // the target whose joins serve the most mapping rows
    const joinsOf = (t) => blockOf(hashmap, `${t}/joins`)?.sql_by_dialect?.duckdb ?? '';
    const joinLines = (t, ref) => joinsOf(t).split('\n').filter((l) => /JOIN\b/.test(l) && (l.includes(`${ref} `) || l.endsWith(ref))).map((l) => l.replace(/\s*--.*$/, ''));
    const target = lineage.targets
      .map((t) => ({ ...t, joined: t.columns.filter((c) => joinLines(t.target, c.mappingRef).length > 0).length }))
      .sort((a, b) => b.joined - a.joined)[0];
    check(target.joined > 0, `no lineage column depends on a join: ${JSON.stringify(lineage.targets.map((t) => t.target))}`);
    await page.getByText('Lineage', { exact: true }).click();
    await page.locator('details.lineage').getByLabel('Target').selectOption(target.target);
    const table = page.getByRole('table', { name: `Lineage of ${target.target}` });
    await table.waitFor();
    check((await table.locator('tbody tr').count()) === target.columns.length, 'the lineage table and the API disagree');
    for (const [i, c] of target.columns.entries()) {
      const row = table.locator('tbody tr').nth(i);
      const cells = await row.locator('td').allInnerTexts();
      check(cells[0] === c.column && cells[2] === (c.sources.join(', ') || '–'), `row ${i} of the lineage shows ${cells[0]} from ${cells[2]}`);
      check(cells[3] === (ruleOf[c.mappingRef] || '–'), `${c.column}'s rule shows "${cells[3]}", its mapping row says "${ruleOf[c.mappingRef]}"`);
      const joins = (await row.locator('[data-field="joins"] div').allInnerTexts()).map((t) => t.trim());
      check(JSON.stringify(joins) === JSON.stringify(joinLines(target.target, c.mappingRef)), `${c.column}'s joins show ${JSON.stringify(joins)}`);
      await row.getByRole('link', { name: c.mappingRef }).waitFor();
    }
    check((await page.getByTestId('lineage-joins').textContent()) === joinsOf(target.target), `the FROM and joins of ${target.target} differ from its joins block`);
    await noHorizontalScroll(page, 'workspace with the lineage open');
    await page.getByText('Lineage', { exact: true }).click();
  });

  await step('the chat autocompletes @mapping, @schema and @generation from the real document, its schema and the stages', async () => {
    const rows = (await (await api(page, `${base}/api/v1/documents/${documentId}/rows?version=${hashmap.spec_version}`)).json()).rows;
    const columns = new Set(rows.flatMap((r) => [...r.sourceColumns.filter((s) => s.table).map((s) => `${s.table}.${s.column}`), `${r.targetTable}.${r.targetColumn}`]));
    const prompt = page.getByLabel(/^Refine/);
    const listbox = page.getByRole('listbox', { name: 'References' });
    const options = async (typed) => {
      await prompt.fill('');
      await prompt.pressSequentially(typed);
      await listbox.getByRole('option').first().waitFor();
      return listbox.getByRole('option').allInnerTexts();
    };
    const mapping = await options('@mapping[');
    const strange = mapping.filter((o) => !rows.some((r) => o === `@mapping[${r.sheet}:${r.rowNumber}]`));
    check(mapping.length > 0 && strange.length === 0, `@mapping offers ${JSON.stringify(strange)}, not rows of the document`);
    const schema = await options('@schema[raw_orders.');
    check(schema.length > 0 && schema.every((o) => o.startsWith('@schema[raw_orders.') && columns.has(o.slice(8, -1))), `@schema offers ${schema}`);
    const stages = await options('@generation[');
    check(stages.includes('@generation[validating]') && stages.includes('@generation[compiling]'), `@generation offers ${stages}`);
    await page.keyboard.press('Escape');
    check((await listbox.count()) === 0, 'Esc left the options open');
    await prompt.fill('');
  });

  await step('the workspace works with the keyboard alone: a block chosen, the dialect switched, the lineage opened', async () => {
    await page.getByRole('button', { name: 'Whole layer' }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-block'));
    check(focused, 'Tab from "Whole layer" does not reach the first block');
    await page.keyboard.press('Enter');
    await page.locator(`[data-block="${focused}"][aria-pressed="true"]`).waitFor();
    const [target, name] = focused.split('/');
    await page.locator(`[aria-label="${target} ${name} in DuckDB"]`).first().waitFor({ state: 'attached' });
    await page.getByTestId('dialect').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator(`[aria-label="${target} ${name} in PostgreSQL"]`).first().waitFor({ state: 'attached' });
    check((await page.getByTestId('dialect').inputValue()) === 'postgres', 'ArrowDown did not choose the next dialect');
    await page.keyboard.press('ArrowUp');
    await page.locator('details.lineage > summary').focus();
    await page.keyboard.press('Enter');
    check(await page.locator('details.lineage').evaluate((d) => d.open), 'Enter on "Lineage" did not open it');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Whole layer' }).click();
  });
}

const SHEET = 'portal-e2e-flagged';
const FLAGGED = [
  'Target Table,Target Column,Target Data Type,Source Table,Source Column,Transformation',
  'orders,order_id,INTEGER,raw_orders,id,Direct move',
  'orders,status_label,VARCHAR,raw_orders,status,Label the status the way the finance team reads it',
  'orders,status,VARCHAR,raw_orders,status,Upper case',
];

export async function flaggedColumnSteps({ step, check, page, base, api, waitComplete }) {
  await step('a column the compiler cannot compile is listed with its reason and its mapping row, which opens the row', async () => {
    const file = join(tmpdir(), `${SHEET}.csv`);
    writeFileSync(file, FLAGGED.join('\n'));
    const documentId = await uploadFile(page, base, file);
    const generationId = await generateInDuckDb(page);
    await waitComplete(page);
    const lineage = await (await api(page, `${base}/api/v1/generations/${generationId}/lineage`)).json();
    const flagged = lineage.targets.flatMap((t) => t.columns.filter((c) => c.status !== 'compiled' && c.reason).map((c) => ({ target: t.target, ...c })));
    check(flagged.length === 1 && flagged[0].column === 'status_label', `the compiler flagged ${JSON.stringify(flagged)}`);
    const list = page.getByTestId('flagged-columns');
    await page.getByRole('heading', { name: 'Columns needing attention (1)' }).waitFor();
    const item = list.locator('li', { hasText: 'orders.status_label' });
    await item.waitFor();
    check((await list.locator('li').count()) === 1, 'more columns are listed than the compiler flagged');
    check((await item.textContent()).includes(flagged[0].reason), `the item says "${await item.textContent()}", the reason is "${flagged[0].reason}"`);
    const ref = `@mapping[${SHEET}:3]`;
    check(flagged[0].mappingRef === ref, `the lineage names ${flagged[0].mappingRef}`);
    await item.getByRole('link', { name: ref }).click();
    await page.waitForURL(`**/documents/${documentId}?row=*`);
    await page.locator(`.grid-row.highlight[data-ref="${ref}"] [data-field="transformation"]`, { hasText: 'finance team' }).waitFor();
  });
}
