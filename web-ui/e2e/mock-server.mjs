// A static server for dist/ with canned /api/v1 answers and a scripted SSE stream, for the browser test.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const COOKIE = 'aide_session=mock-token';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

const documents = [
  {
    documentId: 'doc_customers',
    status: 'parsed',
    fileName: 'customer_mapping.xlsx',
    rowsFound: 21,
    targets: ['dim_customer', 'fact_orders'],
    diagnostics: [{ severity: 'warning', message: 'Row 7: transformation is free text' }],
  },
  { documentId: 'doc_broken', status: 'failed', fileName: 'encrypted.xlsx', rowsFound: null, targets: [], diagnostics: [] },
];

const streamScript = (generationId) => [
  ['progress', { stage: 'parsing', message: 'Reading the mapping', progress_percentage: 5, stats: {} }],
  ['thought', { content: 'dim_customer joins crm.address on customer_id (rows 4-9).' }],
  ['block_update', { block_name: 'select_clause', target: 'dim_customer', dialect: 'duckdb', version: 1,
    block_data: { status: 'completed', sql: 'SELECT c.customer_id, upper(c.full_name) AS customer_name', order: 1, timestamp: '2026-11-21T10:00:01Z' } }],
  ['progress', { stage: 'compiling', message: '12 of 21 rows', progress_percentage: 45, stats: { rows_compiled: 12 } }],
  ['block_update', { block_name: 'joins', target: 'dim_customer', dialect: 'duckdb', version: 1,
    block_data: { status: 'completed', sql: 'LEFT JOIN crm.address a ON a.customer_id = c.customer_id', order: 2, timestamp: '2026-11-21T10:00:02Z' } }],
  ['block_update', { block_name: 'where_clause', target: 'dim_customer', dialect: 'duckdb', version: 1,
    block_data: { status: 'completed', sql: "WHERE c.status <> 'deleted'", order: 3, timestamp: '2026-11-21T10:00:03Z' } }],
  ['validation', { validation_id: 'val_1', check: 'pk_unique', status: 'pass', target: 'dim_customer', column: 'customer_id',
    dialect: 'duckdb', message: '0 duplicates in 1000 rows', failing_count: 0, checked_count: 1000, index: 1, total: 2 }],
  ['validation', { validation_id: 'val_1', check: 'not_null', status: 'fail', target: 'dim_customer', column: 'customer_name',
    dialect: 'duckdb', message: '3 rows have no name', mapping_refs: ['@mapping[Customers:5]'], failing_count: 3, checked_count: 1000, index: 2, total: 2 }],
  ['progress', { stage: 'validating', message: 'Checks done', progress_percentage: 95, stats: {} }],
  ['generation_complete', { final_sql: "CREATE VIEW dim_customer AS\nSELECT c.customer_id, upper(c.full_name) AS customer_name\nFROM crm.customers c\nLEFT JOIN crm.address a ON a.customer_id = c.customer_id\nWHERE c.status <> 'deleted'",
    filename: `${generationId}_duckdb.sql`, artifacts: { duckdb: `tenants/acme/generations/${generationId}/duckdb.sql` } }],
  ['done', {}],
];

const hasSession = (req) => (req.headers.cookie ?? '').includes(COOKIE);

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const unauthorized = (res) =>
  json(res, 401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Log in first.', code: 'unauthenticated' });

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '');
  if (path === '/session' && req.method === 'POST') {
    const { username, password } = JSON.parse((await readBody(req)) || '{}');
    if (username === 'alice' && password === 'alice') {
      return json(res, 200, { user: 'alice', tenant: 'acme', roles: ['engineer'], expiresIn: 300 },
        { 'Set-Cookie': `${COOKIE}; Path=/; HttpOnly; SameSite=Strict` });
    }
    return json(res, 401, { title: 'Login failed', status: 401, detail: "User name or password is wrong for realm 'aide'.", code: 'invalid_credentials' });
  }
  if (!hasSession(req)) return unauthorized(res);
  if (path === '/me') return json(res, 200, { user: 'alice', tenant: 'acme', roles: ['engineer'] });
  if (path === '/documents' && req.method === 'GET') return json(res, 200, documents);
  if (path === '/documents' && req.method === 'POST') {
    const body = await readBody(req);
    const fileName = /filename="([^"]+)"/.exec(body)?.[1];
    if (!fileName) {
      return json(res, 400, { title: 'Bad request', status: 400, detail: "No file in the upload field 'file'.", code: 'bad_mapping_file:upload' });
    }
    const doc = { documentId: `doc_${documents.length + 1}`, status: 'parsing', fileName, rowsFound: null, targets: [], diagnostics: [] };
    documents.push(doc);
    setTimeout(() => Object.assign(doc, { status: 'parsed', rowsFound: 4, targets: ['stg_orders'] }), 1000);
    return json(res, 202, { documentId: doc.documentId, status: doc.status });
  }
  if (path === '/generations' && req.method === 'POST') {
    const body = JSON.parse((await readBody(req)) || '{}');
    if (!/^gen_\d+_[0-9a-z]+$/.test(body.generationId ?? '')) {
      return json(res, 400, { title: 'Bad request', status: 400, detail: 'generationId must look like gen_<epochMillis>_<random>', code: 'invalid_request' });
    }
    return json(res, 202, { generationId: body.generationId, status: 'accepted' });
  }
  const events = path.match(/^\/generations\/([^/]+)\/events$/);
  if (events) return stream(req, res, decodeURIComponent(events[1]));
  const artifact = path.match(/^\/generations\/([^/]+)\/artifacts\/([^/]+)$/);
  if (artifact) {
    res.writeHead(200, { 'Content-Type': 'application/sql', 'Content-Disposition': `attachment; filename="${artifact[1]}_${artifact[2]}.sql"` });
    return res.end('CREATE VIEW dim_customer AS SELECT 1;\n');
  }
  return json(res, 404, { title: 'Not found', status: 404, detail: `No mock for ${req.method} ${url.pathname}`, code: 'not_found' });
}

const connections = new Map();
export const streamLog = [];

/**
 * The first connection drops after four events (the browser resumes with Last-Event-ID), the
 * second is refused with 503 (EventSource gives up; the app reopens with ?lastEventId), the third
 * delivers the rest.
 */
function stream(req, res, generationId) {
  const attempt = (connections.get(generationId) ?? 0) + 1;
  connections.set(generationId, attempt);
  const query = new URL(req.url, 'http://x').searchParams.get('lastEventId');
  const header = req.headers['last-event-id'];
  streamLog.push({ generationId, attempt, lastEventIdHeader: header ?? null, lastEventIdQuery: query });
  if (attempt === 2) {
    res.writeHead(503, { 'Content-Type': 'application/problem+json' });
    return res.end(JSON.stringify({ title: 'Unavailable', status: 503, detail: 'restarting', code: 'unavailable' }));
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.write('retry: 200\n\n');
  const after = Number(header ?? query ?? -1);
  const frames = streamScript(generationId);
  let i = after + 1;
  let sent = 0;
  const timer = setInterval(() => {
    if (i >= frames.length || (attempt === 1 && sent === 4)) {
      clearInterval(timer);
      res.end();
      return;
    }
    const [name, data] = frames[i];
    res.write(`id: ${i}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    i++;
    sent++;
  }, 100);
  req.on('close', () => clearInterval(timer));
}

async function serveStatic(res, url) {
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, rel === '/' ? 'index.html' : rel);
  try {
    const body = await readFile(file.startsWith(DIST) ? file : join(DIST, 'index.html'));
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    const index = await readFile(join(DIST, 'index.html'));
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(index);
  }
}

export function startMockServer(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const handler = url.pathname.startsWith('/api/') ? api(req, res, url) : serveStatic(res, url);
    handler.catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const server = await startMockServer(Number(process.env.PORT ?? 5174));
  console.log(`mock AIDE on http://127.0.0.1:${server.address().port}/ (alice/alice)`);
}
