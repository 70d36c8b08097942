// `npm run stop`: stops the platform's processes, then the local infrastructure.
import { PROCESSES, run, say, stopProcess } from './lib.mjs';

for (const definition of [...PROCESSES].reverse()) await stopProcess(definition.name);
say('services and gateway stopped');
run('bash', ['infra/local/down.sh']);
