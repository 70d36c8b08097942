// Serves the built console (dist/) and, at /config.json, where this environment's Keycloak and
// gateway are: the same files run in every environment. Unknown paths answer index.html (the
// console's own routes). `node serve.mjs` or `pnpm --filter @ps/console start`.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(process.env.CONSOLE_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), 'dist'));
const HOST = process.env.CONSOLE_HOST ?? '127.0.0.1';
const PORT = Number(process.env.CONSOLE_PORT ?? process.env.PORT ?? 5173);
const CONFIG = JSON.stringify({
  keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180',
  realm: process.env.KEYCLOAK_REALM ?? 'political-system',
  clientId: process.env.CONSOLE_CLIENT_ID ?? 'console',
  gatewayUrl: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
});
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
};
const origins = JSON.parse(CONFIG);
/**
 * The page runs only its own scripts and talks only to this environment's Keycloak and gateway;
 * downloads (Excel) are blobs it makes itself.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  `connect-src 'self' ${new URL(origins.keycloakUrl).origin} ${new URL(origins.gatewayUrl).origin}`,
  `form-action 'self' ${new URL(origins.keycloakUrl).origin}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
const SECURITY = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY', 'content-security-policy': POLICY };

if (!existsSync(join(ROOT, 'index.html'))) {
  process.stderr.write(`[console] ${ROOT}/index.html is missing: run \`pnpm --filter @ps/console build\` first\n`);
  process.exit(1);
}

/** `pathname` decoded, or null when its percent-encoding is broken. */
function decoded(pathname) {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The file under dist/ a request path names, or index.html for the console's routes. */
function fileFor(pathname) {
  const candidate = normalize(join(ROOT, decoded(pathname) ?? '/'));
  if (candidate.startsWith(ROOT + sep) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return join(ROOT, 'index.html');
}

createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://console');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', ...SECURITY }).end();
    return;
  }
  if (pathname === '/config.json') {
    response.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store', ...SECURITY }).end(CONFIG);
    return;
  }
  if (pathname === '/health/live' || pathname === '/health/ready') {
    response.writeHead(200, { 'content-type': 'text/plain', ...SECURITY }).end('ok');
    return;
  }
  const file = fileFor(pathname);
  const immutable = pathname.startsWith('/assets/');
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY,
  });
  createReadStream(file).pipe(response);
}).listen(PORT, HOST, () => process.stdout.write(`[console] serving http://${HOST}:${PORT}/\n`));
