// A small HTTP proxy in front of the gateway that the browser test controls: it can cut the open event
// streams (closing the server side, which Chromium's offline mode does not do) and refuse new ones
// until it is told to let them through again. It is transparent: the Host header passes unchanged, so the
// gateway sees the browser's Origin as its own origin (its CORS filter refuses any other origin).
import http from 'node:http';

export async function startProxy(target) {
  const upstream = new URL(target);
  const streams = new Set();
  let refusing = false;
  const server = http.createServer((req, res) => {
    const isStream = /\/generations\/[^/]+\/events/.test(req.url ?? '');
    if (isStream && refusing) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('cut by the test proxy');
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        if (isStream) {
          streams.add(res);
          res.on('close', () => streams.delete(res));
        }
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    openStreams: () => streams.size,
    /** closes every open event stream and refuses new ones until restore() */
    cut() {
      refusing = true;
      for (const res of streams) res.socket?.destroy();
      streams.clear();
    },
    restore() {
      refusing = false;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
