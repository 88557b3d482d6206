// Browser steps of the document page against the real stack: a diagnostic on its cell, the header mapping
// overridden and parsed again, rows edited in place and saved as a new version with its diff, a reference
// opening its row, and accessible names. Each step uploads its own small mapping, so none depends on another.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeXlsx } from './xlsx.mjs';

const HEADER = 'Target Table,Target Column,Target Data Type,Source Table,Source Column,Transformation,Zorblax';

/** Uploads a generated CSV mapping through the page and waits until it is parsed; returns its document id. */
async function uploadCsv(page, base, name, rows) {
  const file = join(tmpdir(), `${name}.csv`);
  writeFileSync(file, [HEADER, ...rows].join('\n'));
  return uploadFile(page, base, file);
}

/** Uploads a mapping file through the page, waits until it is parsed and opens it; returns its document id. */
export async function uploadFile(page, base, file) {
  await page.goto(`${base}/documents`);
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/documents') && r.request().method() === 'POST');
  await page.getByTestId('upload-input').setInputFiles(file);
  const id = (await (await uploaded).json()).documentId;
  await page.locator(`tr[data-document-id="${id}"] .badge.parsed`).waitFor();
  await page.goto(`${base}/documents/${id}`);
  await page.getByTestId('rows-grid').locator('[data-ref]').first().waitFor();
  return id;
}

/**
 * Generates the open document's layer in DuckDB only (the other dialects unticked: quicker, and small enough for
 * one hashmap_sync record) and waits until the workspace of the new generation is open; returns its id.
 */
export async function generateInDuckDb(page) {
  for (const dialect of ['postgres', 'spark', 'snowflake', 'bigquery', 'ansi', 'pyspark', 'dbt']) {
    await page.locator(`input[name="dialect"][value="${dialect}"]`).uncheck();
  }
  await page.getByRole('button', { name: 'Generate the semantic layer' }).click();
  await page.waitForURL(/\/generations\/gen_\d+_[0-9a-z]+$/);
  return page.url().split('/').pop();
}

const ROWS = [
  'orders,order_id,INTEGER,raw_orders,id,Direct move,CAST(id AS BIGINT)',
  'orders,status,INTEGR,raw_orders,status,Direct move,UPPER(status)',
  'orders,amount,"DECIMAL(12,2)",raw_orders,amount,amount / 100,"ROUND(amount / 100, 2)"',
];

/** Names of buttons, inputs, selects and links without an accessible name, as Chromium computes them. */
async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const roles = new Set(['button', 'textbox', 'combobox', 'checkbox', 'radio', 'link', 'listbox', 'slider', 'spinbutton', 'searchbox', 'menuitem', 'tab', 'switch']);
  return nodes
    .filter((n) => !n.ignored && roles.has(n.role?.value) && !String(n.name?.value ?? '').trim())
    .map((n) => `${n.role.value}#${n.backendDOMNodeId}`);
}

export async function documentSteps({ step, check, shot, page, base, api }) {
  await step('a parser diagnostic sits on its cell; its message shows on hover and on keyboard focus', async () => {
    const id = await uploadCsv(page, base, 'portal-e2e-cell-diagnostic', ROWS);
    const doc = await (await api(page, `${base}/api/v1/documents/${id}`)).json();
    const diag = doc.diagnostics.find((d) => d.ref === '@mapping[portal-e2e-cell-diagnostic:3]' && d.code === 'type_not_recognized');
    check(diag, `the API has no type_not_recognized diagnostic on row 3: ${JSON.stringify(doc.diagnostics)}`);
    const sheet = doc.sheets.find((s) => s.role === 'mapping');
    check(sheet.columns.target_type === diag.cell.replace(/^.*!([A-Z]+)\d+$/, '$1'), `the diagnostic's cell ${diag.cell} is not the type column`);
    const cell = page.locator(`[data-ref="${diag.ref}"] [data-field="target_type"]`);
    check((await cell.getAttribute('data-diagnostic')) === diag.severity, 'the type cell is not marked with the diagnostic');
    check((await page.locator(`[data-ref="${diag.ref}"] [data-field="target_column"][data-diagnostic]`).count()) === 0, 'a cell without a diagnostic is marked');
    await cell.hover();
    await page.getByTestId('cell-tip').filter({ hasText: diag.message.slice(0, 40) }).waitFor();
    await page.mouse.move(0, 0);
    await page.getByTestId('cell-tip').waitFor({ state: 'detached' });
    await cell.focus();
    await page.getByTestId('cell-tip').filter({ hasText: 'type_not_recognized' }).waitFor();
    const described = await cell.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent ?? '');
    check(described.includes(diag.message), `the cell's description is "${described}"`);
    await shot(page, '09-cell-diagnostic');
  });

  await step('the header mapping overridden for one field is parsed again into a new version', async () => {
    const id = await uploadCsv(page, base, 'portal-e2e-header-override', ROWS);
    const doc = await (await api(page, `${base}/api/v1/documents/${id}`)).json();
    const sheet = doc.sheets.find((s) => s.role === 'mapping');
    const zorblax = Object.entries(sheet.headers).find(([, h]) => h === 'Zorblax')?.[0];
    check(zorblax && !Object.values(sheet.columns).includes(zorblax), `column Zorblax is mapped already: ${JSON.stringify(sheet.columns)}`);
    const form = page.locator('form.header-mapping');
    await form.getByLabel('Transformation rule').selectOption(zorblax);
    const reparsed = page.waitForResponse((r) => r.url().endsWith(`/documents/${id}/reparse`));
    await form.getByRole('button', { name: /Parse again with 1 field re-mapped/ }).click();
    check((await reparsed).status() === 202, 'the reparse was not accepted');
    await page.locator('li[data-version="2"]').filter({ hasText: 'reparsed' }).waitFor();
    const rows = await (await api(page, `${base}/api/v1/documents/${id}/rows`)).json();
    check(rows.specVersion === 2, `the latest version is ${rows.specVersion}`);
    check(rows.rows.find((r) => r.targetColumn === 'status')?.transformation === 'UPPER(status)', 'the transformation is not read from Zorblax');
    const first = await (await api(page, `${base}/api/v1/documents/${id}/rows?version=1`)).json();
    check(first.rows.find((r) => r.targetColumn === 'status')?.transformation === 'Direct move', 'version 1 changed');
    await page.locator('[data-ref="@mapping[portal-e2e-header-override:3]"] [data-field="transformation"]', { hasText: 'UPPER(status)' }).waitFor();
    await shot(page, '10-header-override');
  });

  await step('on a workbook of two sheets, a header override of one sheet is parsed again for that sheet only, and the next one keeps it', async () => {
    const header = HEADER.split(',');
    const file = join(tmpdir(), `portal-e2e-two-sheets-${Date.now()}.xlsx`);
    writeXlsx(file, {
      Customers: [header, ['dim_customer', 'name', 'VARCHAR', 'crm', 'name', 'TRIM(name)', 'UPPER(name)']],
      Orders: [header, ['fact_orders', 'amount', 'DECIMAL(12,2)', 'erp', 'amount', 'Direct move', 'amount / 100']],
    });
    const id = await uploadFile(page, base, file);
    const transformation = async (version, column) =>
      (await (await api(page, `${base}/api/v1/documents/${id}/rows?version=${version}`)).json()).rows.find((r) => r.targetColumn === column)?.transformation;
    const reparse = async (sheet, version) => {
      const doc = await (await api(page, `${base}/api/v1/documents/${id}`)).json();
      const zorblax = Object.entries(doc.sheets.find((s) => s.name === sheet).headers).find(([, h]) => h === 'Zorblax')?.[0];
      check(zorblax, `sheet ${sheet} has no Zorblax header: ${JSON.stringify(doc.sheets)}`);
      const form = page.locator(`form.header-mapping[data-sheet="${sheet}"]`);
      await form.getByLabel('Transformation rule').selectOption(zorblax);
      const sent = page.waitForRequest((r) => r.url().endsWith(`/documents/${id}/reparse`));
      await form.getByRole('button', { name: /Parse again with 1 field re-mapped/ }).click();
      const body = (await sent).postDataJSON();
      await page.locator(`li[data-version="${version}"]`).filter({ hasText: 'reparsed' }).waitFor();
      return body.headerOverrides;
    };

    const first = await reparse('Orders', 2);
    check(JSON.stringify(first) === JSON.stringify({ 'Orders:transformation': 'Zorblax' }), `the first reparse sent ${JSON.stringify(first)}`);
    check((await transformation(2, 'amount')) === 'amount / 100', 'Orders does not read its rule from Zorblax');
    check((await transformation(2, 'name')) === 'TRIM(name)', 'Customers changed with the Orders override');
    await page.locator('[data-ref="@mapping[Orders:2]"] [data-field="transformation"]', { hasText: 'amount / 100' }).waitFor();
    await page.locator('form.header-mapping[data-sheet="Orders"] [data-overridden="transformation"]').waitFor();
    check((await page.locator('form.header-mapping[data-sheet="Customers"] [data-overridden]').count()) === 0, 'Customers shows an override it does not have');

    const second = await reparse('Customers', 3);
    check(second['Orders:transformation'] === 'Zorblax' && second['Customers:transformation'] === 'Zorblax' && Object.keys(second).length === 2, `the second reparse sent ${JSON.stringify(second)}`);
    check((await transformation(3, 'amount')) === 'amount / 100', 'the Orders override was lost by the Customers reparse');
    check((await transformation(3, 'name')) === 'UPPER(name)', 'Customers does not read its rule from Zorblax');
    check((await transformation(1, 'amount')) === 'Direct move', 'version 1 changed');
    await page.locator('[data-ref="@mapping[Customers:2]"] [data-field="transformation"]', { hasText: 'UPPER(name)' }).waitFor();
  });

  await step('a mapping dropped on the drop zone is uploaded; a file the server refuses shows its problem detail in a toast', async () => {
    const drop = (name, text) =>
      page.getByTestId('dropzone').evaluate((zone, file) => {
        const data = new DataTransfer();
        data.items.add(new File([file.text], file.name, { type: 'text/csv' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, { name, text });
    const posted = () => page.waitForResponse((r) => r.url().endsWith('/api/v1/documents') && r.request().method() === 'POST');
    await page.goto(`${base}/documents`);
    let answer = posted();
    await drop('portal-e2e-dropped.csv', [HEADER, ...ROWS].join('\n'));
    const accepted = await answer;
    check(accepted.status() === 202, `the dropped mapping answered ${accepted.status()}`);
    const id = (await accepted.json()).documentId;
    await page.locator(`tr[data-document-id="${id}"] .badge.parsed`).waitFor();
    answer = posted();
    await drop('portal-e2e-empty.csv', '');
    const refused = await answer;
    const problem = await refused.json();
    check(refused.status() >= 400 && refused.status() < 500 && String(problem.code).startsWith('bad_mapping_file'), `the empty file answered ${refused.status()}: ${JSON.stringify(problem)}`);
    await page.locator('.toasts .toast', { hasText: problem.detail.slice(0, 60) }).waitFor();
  });

  await step('rows edited in place are saved as one new version, and the version diff shows the cells', async () => {
    const id = await uploadCsv(page, base, 'portal-e2e-row-edit', ROWS);
    const row2 = '@mapping[portal-e2e-row-edit:2]';
    const row4 = '@mapping[portal-e2e-row-edit:4]';
    await page.getByRole('button', { name: 'Edit row portal-e2e-row-edit:2' }).click();
    await page.getByLabel('Transformation of row portal-e2e-row-edit:2').fill('CAST(id AS BIGINT)');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit row portal-e2e-row-edit:4' }).click();
    await page.getByLabel('Description of row portal-e2e-row-edit:4').fill('amount in dollars');
    await page.keyboard.press('Enter');
    await page.getByTestId('edits-bar').filter({ hasText: '2 row(s), 2 cell(s) edited on v1' }).waitFor();
    check((await page.locator(`[data-ref="${row2}"] [data-field="transformation"].edited`).count()) === 1, 'the edited cell is not marked');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/documents/${id}/versions`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    const answer = await saved;
    check(answer.status() === 201, `saving answered ${answer.status()}`);
    const diff = page.getByTestId('version-diff');
    await diff.filter({ hasText: 'v1 → v2: 2 changed, 0 added, 0 removed' }).waitFor();
    check((await diff.locator(`[data-ref="${row2}"] [data-field="transformation"] .after`).textContent()) === 'CAST(id AS BIGINT)', 'the diff does not show the new rule');
    check((await diff.locator(`[data-ref="${row2}"] [data-field="transformation"] .before`).textContent()) === 'Direct move', 'the diff does not show the old rule');
    check((await diff.locator(`[data-ref="${row4}"] [data-field="description"] .after`).textContent()) === 'amount in dollars', 'the diff misses the description');
    const versions = await (await api(page, `${base}/api/v1/documents/${id}/versions`)).json();
    check(versions.map((v) => v.version).join() === '1,2' && versions[1].reason === 'edited', `versions: ${JSON.stringify(versions)}`);
    const first = await (await api(page, `${base}/api/v1/documents/${id}/rows?version=1`)).json();
    check(first.rows.find((r) => r.ref === row2).transformation === 'Direct move', 'version 1 was overwritten');
    await diff.scrollIntoViewIfNeeded();
    await shot(page, '11-version-diff');

    // a reference opens its row: the diff's @mapping link, then the same reference typed into the URL
    await diff.getByRole('link', { name: row4 }).click();
    await page.waitForURL(/\?row=portal-e2e-row-edit%3A4$/);
    await page.locator(`.grid-row.highlight[data-ref="${row4}"]`).waitFor();
    await page.goto(`${base}/documents/${id}?row=${encodeURIComponent(row2)}`);
    await page.locator(`.grid-row.highlight[data-ref="${row2}"]`).waitFor();
  });

  await step('documents belong to projects: one opened by name, a mapping uploaded into it, its list in a URL that survives a reload', async () => {
    const project = `portal-e2e ${Date.now()}`;
    await page.goto(`${base}/documents`);
    const projects = page.getByRole('navigation', { name: 'Projects' });
    await page.getByLabel('Project', { exact: true }).fill('sales/2026');
    await page.getByRole('button', { name: 'Open project' }).click();
    await page.getByRole('alert').filter({ hasText: 'only letters, digits' }).waitFor();
    check(!page.url().includes('project='), `a name with '/' opened ${page.url()}`);
    await page.getByLabel('Project', { exact: true }).fill(project);
    await page.getByRole('button', { name: 'Open project' }).click();
    await page.waitForURL(`**/documents?project=${encodeURIComponent(project)}`);
    await page.getByRole('heading', { name: `Documents of project ${project}` }).waitFor();
    await page.getByTestId('no-documents').filter({ hasText: `No documents in project ${project} yet` }).waitFor();
    const file = join(tmpdir(), 'portal-e2e-project.csv');
    writeFileSync(file, [HEADER, ...ROWS].join('\n'));
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/documents') && r.request().method() === 'POST');
    await page.getByTestId('upload-input').setInputFiles(file);
    const id = (await (await uploaded).json()).documentId;
    await page.locator(`tr[data-document-id="${id}"] .badge.parsed`).waitFor();
    const stored = await (await api(page, `${base}/api/v1/documents/${id}`)).json();
    check(stored.projectId === project, `the document was stored in project ${stored.projectId}`);
    await page.reload();
    await page.locator(`tr[data-document-id="${id}"] [data-field="project"]`, { hasText: project }).waitFor();
    const listed = await page.locator('tr[data-document-id]').evaluateAll((rows) => rows.map((r) => r.dataset.documentId));
    const inProject = (await (await api(page, `${base}/api/v1/documents?projectId=${encodeURIComponent(project)}`)).json()).map((d) => d.documentId);
    check(JSON.stringify(listed) === JSON.stringify([id]) && JSON.stringify(inProject) === JSON.stringify([id]), `the project lists ${listed}, the API ${inProject}`);
    check((await projects.getByRole('link', { name: project }).getAttribute('aria-current')) === 'page', 'the open project is not marked current');
    await projects.getByRole('link', { name: 'All documents' }).click();
    await page.waitForURL(`${base}/documents`);
    await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();
    await page.locator(`tr[data-document-id="${id}"]`).waitFor();
    check((await page.locator('tr[data-document-id]').count()) > 1, 'All documents lists only the project');
    await page.locator(`tr[data-document-id="${id}"] [data-field="project"]`).getByRole('link', { name: project }).click();
    await page.waitForURL(`**/documents?project=${encodeURIComponent(project)}`);
    await page.getByRole('heading', { name: `Documents of project ${project}` }).waitFor();
    await page.locator(`tr[data-document-id="${id}"]`).waitFor();
    check((await page.locator('tr[data-document-id]').count()) === 1, 'the project shows documents of others');
  });

  await step('every control of the document page has an accessible name', async () => {
    const unnamed = await unnamedControls(page);
    check(unnamed.length === 0, `controls without a name: ${unnamed.join(', ')}`);
  });
}

export { unnamedControls };
