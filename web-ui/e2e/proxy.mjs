// A small HTTP proxy in front of the gateway that the browser test controls: it can cut the open event
// streams (closing the server side, which Chromium's offline mode does not do) and refuse new ones
// until it is told to let them through again, and it can hold back a generation's completion so that a
// step that acts "mid-stream" finds the stream still open however fast the generation runs. It is
// transparent: the Host header passes unchanged, so the gateway sees the browser's Origin as its own
// origin (its CORS filter refuses any other origin).
import http from 'node:http';

const COMPLETION = /^event: generation_complete$/m;

export async function startProxy(target) {
  const upstream = new URL(target);
  const streams = new Set();
  let refusing = false;
  let holding = false;

  /** Forwards an event stream frame by frame; while holding, the completion and all after it wait. */
  function relay(answer, res) {
    const stream = { res, pending: '', held: [], ended: false };
    streams.add(stream);
    res.on('close', () => streams.delete(stream));
    answer.setEncoding('utf8');
    answer.on('data', (text) => {
      stream.pending += text;
      let end;
      while ((end = stream.pending.indexOf('\n\n')) >= 0) {
        const frame = stream.pending.slice(0, end + 2);
        stream.pending = stream.pending.slice(end + 2);
        if (stream.held.length > 0 || (holding && COMPLETION.test(frame))) stream.held.push(frame);
        else res.write(frame);
      }
    });
    answer.on('end', () => {
      stream.ended = true;
      if (stream.held.length === 0) res.end(stream.pending);
    });
  }

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
        if (isStream && answer.statusCode === 200) relay(answer, res);
        else answer.pipe(res);
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
      for (const stream of streams) stream.res.socket?.destroy();
      streams.clear();
    },
    restore() {
      refusing = false;
    },
    /** from now on every event stream stops before its generation_complete event, until release() */
    holdCompletion() {
      holding = true;
    },
    /** lets the held completions through and stops holding */
    release() {
      holding = false;
      for (const stream of streams) {
        for (const frame of stream.held.splice(0)) stream.res.write(frame);
        if (stream.ended) stream.res.end(stream.pending);
      }
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
