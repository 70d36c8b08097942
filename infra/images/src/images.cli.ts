import { processRunner } from './command-runner';
import { parseImagesCommand, runImagesCommand } from './images.command';
import { ImagesError } from './images.errors';
import { readSourceFacts } from './source-facts';

/** `npm run images -- build|push …` (scripts/images.mjs). */
async function main(): Promise<void> {
  const parsed = parseImagesCommand(process.argv.slice(2));
  if ('problem' in parsed) {
    process.stderr.write(`${parsed.problem}\n`);
    process.exit(2);
  }
  try {
    await runImagesCommand(parsed.command, processRunner, readSourceFacts(), (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    if (!(error instanceof ImagesError)) throw error;
    process.stderr.write(`[images] ${error.code}: ${error.message}\n`);
    process.exit(1);
  }
}

void main();
