// The generator's precondition, made for a run on test databases: the four databases migrated
// (each service's own migrations) and the 2024 three-tier territory loaded into organization's.
// Built once as templates (ps_<service>_gen_test_template), then copied per run in seconds.
import 'reflect-metadata';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { copyTestDatabase, infrastructure, queryDatabase, recreateTestDatabase } from '@ps/testing';
import { evaluationService } from '@ps/evaluation/dist/service.js';
import { organizationService } from '@ps/organization/dist/service.js';
import { personnelService } from '@ps/personnel/dist/service.js';
import { reformService } from '@ps/reform/dist/service.js';
import { loadTerritory } from '@ps/organization/dist/territory-load/territory-load.service.js';

export const SERVICES = { organization: organizationService, personnel: personnelService, evaluation: evaluationService, reform: reformService };
const logger = createLogger('workforce-prepare', 'warn');
const templateUrl = (service) => infrastructure.databaseUrl(`ps_${service}_gen_test_template`);

async function migrate(url, service) {
  const definition = SERVICES[service];
  const dataSource = createDataSource({ url, entities: definition.entities, migrations: definition.migrations, applicationName: 'workforce-prepare' });
  await openDatabase(dataSource, logger, { migrate: true });
  return dataSource;
}

/** Templates: migrated, organization's with the 2024 three-tier territory (made once, kept). */
async function templates() {
  for (const service of Object.keys(SERVICES)) {
    const url = templateUrl(service);
    const ready = await queryDatabase(infrastructure.databaseUrl('postgres'), 'SELECT 1 FROM pg_database WHERE datname = $1', [new URL(url).pathname.slice(1)]);
    if (ready.length > 0 && process.env.REBUILD_TEMPLATES !== '1') continue;
    await recreateTestDatabase(url);
    const dataSource = await migrate(url, service);
    if (service === 'organization') await loadTerritory(dataSource, { threeTierFrom: '2024-01-01', only: 'three-tier' }, logger);
    await dataSource.destroy();
    process.stderr.write(`template ${service}: migrated${service === 'organization' ? ', three-tier territory loaded' : ''}\n`);
  }
}

/** Fresh copies of the templates under `prefix<service>suffix`; returns their URLs by service. */
export async function prepareDatabases({ prefix = 'ps_', suffix = '_gen_test' } = {}) {
  await templates();
  const databases = {};
  for (const service of Object.keys(SERVICES)) {
    databases[service] = infrastructure.databaseUrl(`${prefix}${service}${suffix}`);
    await copyTestDatabase(templateUrl(service), databases[service]);
  }
  return databases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [prefix, suffix] = [process.argv[2], process.argv[3]];
  const databases = await prepareDatabases({ prefix, suffix });
  process.stdout.write(`${JSON.stringify(databases, null, 2)}\n`);
}
