// `npm run images -- build|push [<name>…] [--builder docker|podman|buildah] [--registry …] [--dry-run]`:
// builds and pushes the platform's images (infra/images/Dockerfile) with the builder this machine has.
// The work is in @ps/images (infra/images/src/images.command.ts); `npm run images` builds it first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, say } from './lib.mjs';

const cli = join(ROOT, 'infra', 'images', 'dist', 'images.cli.js');
if (!existsSync(cli)) {
  say('infra/images is not built: run `pnpm install && pnpm exec turbo run build --filter=@ps/images` first');
  process.exit(1);
}
await import(cli);
