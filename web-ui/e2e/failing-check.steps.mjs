// A check that fails as it would for a data engineer: the mapping states a key and a not-null column, and the sample
// rows uploaded with the generation break both (a repeated id, an empty email). The workspace lists each failed check
// with the block and line it concerns (a click selects them in the editor) and the mapping row (a click opens it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateInDuckDb } from './document.steps.mjs';

const SHEET = 'portal-e2e-failing-check';
const MAPPING = [
  'Target Table,Target Column,Target Data Type,Source Table,Source Column,Transformation,Key,Nullable',
  'customers,customer_id,INTEGER,raw_customers,id,Direct move,PK,N',
  'customers,email,VARCHAR,raw_customers,email,Direct move,,N',
  'customers,first_name,VARCHAR,raw_customers,first_name,Direct move,,Y',
];
const SAMPLE = ['id,email,first_name', '1,ann@example.com,Ann', '2,,Ben', '3,cid@example.com,Cid', '3,dee@example.com,Dee'];

export async function failingCheckSteps({ step, check, shot, page, base, api, waitComplete }) {
  await step('sample rows that break the mapping\'s key and not-null fail their checks, each linked to its block line and mapping row', async () => {
    const dir = join(tmpdir(), `aide-${SHEET}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${SHEET}.csv`), MAPPING.join('\n'));
    writeFileSync(join(dir, 'raw_customers.csv'), SAMPLE.join('\n'));

    // the mapping, uploaded and parsed
    await page.goto(`${base}/documents`);
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/documents') && r.request().method() === 'POST');
    await page.getByTestId('upload-input').setInputFiles(join(dir, `${SHEET}.csv`));
    const documentId = (await (await uploaded).json()).documentId;
    await page.locator(`tr[data-document-id="${documentId}"] .badge.parsed`).waitFor();
    await page.goto(`${base}/documents/${documentId}`);

    // the sample tables uploaded on the document page and chosen for the generation, DuckDB only
    const sampled = page.waitForResponse((r) => r.url().endsWith('/api/v1/datasources/upload'));
    await page.getByTestId('sample-input').setInputFiles(join(dir, 'raw_customers.csv'));
    const answer = await sampled;
    check(answer.status() === 201, `the sample upload answered ${answer.status()}`);
    const dataSourceId = (await answer.json()).dataSourceId;
    await page.waitForFunction((id) => document.querySelector('select[name="dataSourceId"]')?.value === id, dataSourceId);
    const generationId = await generateInDuckDb(page);
    await waitComplete(page);

    // the failed checks, as the validator reported them
    const validation = await (await api(page, `${base}/api/v1/validations/${generationId}`)).json();
    const failed = (validation.results ?? []).filter((r) => r.status === 'fail' && r.check !== 'summary');
    const notNull = failed.find((r) => r.check === 'not_null' && r.column === 'email');
    const key = failed.find((r) => r.check === 'pk_unique');
    check(notNull && key, `the validator did not fail not_null on email and pk_unique: ${JSON.stringify(failed.map((r) => r.check))}`);
    const list = page.getByTestId('failed-checks');
    const item = list.locator('li', { hasText: 'not_null' }).filter({ hasText: 'customers.email' });
    await item.waitFor();
    await list.locator('li', { hasText: 'pk_unique' }).filter({ hasText: 'customers.customer_id' }).waitFor();

    // the block and line it concerns, selected in the editor
    const link = item.locator('button[data-block]').first();
    const blockKey = await link.getAttribute('data-block');
    const line = Number(await link.getAttribute('data-line'));
    check(notNull.blocks.includes(blockKey.split('/')[1]), `the check links block ${blockKey}, the validator names ${notNull.blocks}`);
    check(line > 0, 'the check names no line of its block');
    const hashmap = await (await api(page, `${base}/api/v1/generations/${generationId}`)).json();
    const [target, name] = blockKey.split('/');
    const block = Object.values(hashmap.blocks).find((b) => b.target === target && b.block_name === name) ?? hashmap.blocks[name];
    const sql = block?.sql_by_dialect?.duckdb ?? block?.sql ?? '';
    check(sql.split('\n')[line - 1]?.includes('"email"'), `line ${line} of ${blockKey} does not write email: ${sql.split('\n')[line - 1]}`);
    await link.click();
    await page.locator(`.tree-item[data-block="${blockKey}"][aria-pressed="true"]`).waitFor();
    await page.getByTestId('code-editor').locator('.selected-text').first().waitFor();
    await page.getByTestId('code-editor').locator('.view-line', { hasText: /"email"\s+AS\s+"email"/ }).waitFor();
    await shot(page, '12-failed-check');

    // the mapping row behind it, opened and highlighted in the document
    const ref = `@mapping[${SHEET}:3]`;
    check(notNull.mappingRefs.includes(ref), `the validator names ${notNull.mappingRefs}, not ${ref}`);
    await item.getByRole('link', { name: ref }).click();
    await page.waitForURL(`**/documents/${documentId}?row=*`);
    await page.locator(`.grid-row.highlight[data-ref="${ref}"]`).waitFor();
  });
}
