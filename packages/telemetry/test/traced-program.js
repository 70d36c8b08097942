// The program tracing.int-spec.ts starts: tracing registered first, as in every main.ts, then an
// HTTP server whose answer needs a fetch to a second server. Prints its port and whether the SDK
// was loaded; flushes its spans on SIGTERM.
require('../dist/register');
const { createServer } = require('node:http');
const { stopTracing } = require('../dist/index');

const downstream = createServer((request, response) => {
  response.end(JSON.stringify({ traceparent: request.headers.traceparent ?? null }));
});
const front = createServer((request, response) => {
  if (request.url.startsWith('/health/')) return void response.end('ok');
  fetch(`http://127.0.0.1:${downstream.address().port}/`)
    .then((answer) => answer.text())
    .then((text) => response.end(text), () => response.writeHead(502).end());
});
downstream.listen(0, '127.0.0.1', () =>
  front.listen(0, '127.0.0.1', () => {
    const sdkLoaded = Object.keys(require.cache).some((path) => path.includes('sdk-trace-node'));
    process.stdout.write(`${JSON.stringify({ port: front.address().port, sdkLoaded })}\n`);
  }),
);
process.once('SIGTERM', () => {
  front.close();
  downstream.close();
  void stopTracing().then(() => process.exit(0));
});
