// Browser test: login -> documents -> a generation stream renders its blocks, in Debian's Chromium.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockServer, streamLog } from './mock-server.mjs';

const CHROMIUM = process.env.AIDE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const TIMEOUT = 10_000;

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium, or set AIDE_CHROMIUM.`);
  process.exit(2);
}
if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
  console.error('No dist/index.html: run npm run build first.');
  process.exit(2);
}

const started = Date.now();
const server = await startMockServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const failures = [];
const step = async (name, fn) => {
  try {
    await fn();
    console.log(`  ok   ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`  FAIL ${name}: ${e.message.split('\n')[0]}`);
    throw e;
  }
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(TIMEOUT);
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(base + '/');

  await step('a wrong password is refused with the reason', async () => {
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'User name or password is wrong' }).waitFor();
  });

  await step('login shows the tenant and its documents', async () => {
    await page.getByLabel('Password').fill('alice');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('who').filter({ hasText: 'alice · acme' }).waitFor();
    const row = page.locator('tr[data-document-id="doc_customers"]');
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    if (cells[0] !== 'customer_mapping.xlsx' || cells[2] !== '21' || !cells[3].includes('dim_customer') || cells[4] !== '1') {
      throw new Error(`unexpected document row: ${JSON.stringify(cells)}`);
    }
  });

  await step('an uploaded mapping shows up and turns parsed', async () => {
    await page.getByTestId('upload-input').setInputFiles({
      name: 'orders_mapping.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('target_table,target_column,source_table,source_column\nstg_orders,order_id,orders,id\n'),
    });
    const row = page.locator('tr', { hasText: 'orders_mapping.csv' });
    await row.locator('.badge', { hasText: 'parsed' }).waitFor();
    await row.locator('td', { hasText: 'stg_orders' }).waitFor();
  });

  await step('a generation streams its blocks, checks and final SQL across a dropped and a refused connection', async () => {
    await page.locator('tr[data-document-id="doc_customers"]').getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    for (const block of ['select_clause', 'joins', 'where_clause']) {
      await page.locator(`li.block[data-block="${block}"]`).filter({ hasText: 'completed' }).waitFor();
    }
    await page.getByTestId('final-sql').filter({ hasText: 'CREATE VIEW dim_customer' }).waitFor();
    await page.getByTestId('stream-status').filter({ hasText: 'ready' }).waitFor();
    const order = await page.locator('li.block').evaluateAll((items) => items.map((li) => li.getAttribute('data-block')));
    if (order.join(',') !== 'select_clause,joins,where_clause') throw new Error(`blocks out of order: ${order}`);
    await page.getByText('dim_customer joins crm.address').waitFor();
    await page.locator('li.validation.fail').filter({ hasText: '3 rows have no name' }).waitFor();
    const thoughts = await page.locator('ul.thoughts li').count();
    if (thoughts !== 1) throw new Error(`a resumed stream repeated events: ${thoughts} thoughts`);
    const resumed = streamLog.map((c) => `${c.attempt}:${c.lastEventIdHeader ?? '-'}:${c.lastEventIdQuery ?? '-'}`).join(' ');
    if (!/^1:-:- 2:3:- 3:-:3$/.test(resumed)) throw new Error(`stream was not resumed as expected: ${resumed}`);
    const href = await page.getByRole('link', { name: 'Download duckdb' }).getAttribute('href');
    if (!/^\/api\/v1\/generations\/gen_\d+_[0-9a-z]+\/artifacts\/duckdb$/.test(href ?? '')) throw new Error(`bad download link ${href}`);
    if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join('; ')}`);
  });

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: SHOTS + 'generation.png', fullPage: true });
  console.log(`  screenshot ${SHOTS}generation.png`);
} catch (e) {
  if (failures.length === 0) {
    failures.push('setup');
    console.log(`  FAIL setup: ${e.message.split('\n')[0]}`);
  }
} finally {
  await browser.close();
  server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`UI e2e failed (${failures.length}) in ${seconds} s`);
  process.exit(1);
}
console.log(`UI e2e passed in ${seconds} s`);
