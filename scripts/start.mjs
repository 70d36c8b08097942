// `npm start`: install, build, bring the infrastructure up, migrate and seed the demo, start the
// four services and the gateway in the background, and print where to go and who to sign in as.
import {
  LOGS,
  PROCESSES,
  ROOT,
  databaseUrl,
  pnpm,
  runtimeSummary,
  say,
  sleep,
  startProcess,
  stopProcess,
  useProjectNode,
  waitForHttp,
} from './lib.mjs';
import { join } from 'node:path';

useProjectNode();

const GATEWAY = 'http://127.0.0.1:4000/graphql';
const CONSOLE = 'http://127.0.0.1:5173/';
/** Off in production (the .env.example default); on here so GraphQL tools can read the schema. */
const LOCAL_ONLY = { GRAPHQL_INTROSPECTION: 'true' };
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

say(`installing dependencies (${runtimeSummary()})`);
pnpm(['install', '--frozen-lockfile', '--reporter=silent']);
say(`building (${seconds()})`);
pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
say(`starting PostgreSQL, Kafka and Keycloak (${seconds()})`);
pnpm(['run', 'infra:up']);
say(`migrating and seeding the demo territory (${seconds()})`);
pnpm(['--filter', '@ps/organization', 'run', 'seed'], {
  env: { DATABASE_URL: databaseUrl('ps_organization'), LOG_LEVEL: 'warn' },
});

for (const definition of PROCESSES) await stopProcess(definition.name);
say('introspection and "Did you mean" suggestions are ON for local work (GRAPHQL_INTROSPECTION=true); production keeps them off');
for (const definition of PROCESSES) {
  startProcess(definition, LOCAL_ONLY);
  await waitForHttp(`http://127.0.0.1:${definition.port}/health/ready`, 120, definition.name);
  say(`${definition.name} ready on :${definition.port} (${seconds()})`);
}

await waitForDemoData();
say(`waiting until personnel, evaluation and reform have applied every territory event (${seconds()})`);
await waitForTerritory();
say(`seeding the Dầu Tiếng story's Party members once personnel has its Party organizations (${seconds()})`);
pnpm(['--filter', '@ps/personnel', 'run', 'seed'], {
  env: { DATABASE_URL: databaseUrl('ps_personnel'), LOG_LEVEL: 'info' },
});
say(`seeding the Dầu Tiếng communes' work results (2024 and 2026) once evaluation has their people and posts (${seconds()})`);
pnpm(['--filter', '@ps/evaluation', 'run', 'seed'], {
  env: { DATABASE_URL: databaseUrl('ps_evaluation'), LOG_LEVEL: 'info' },
});
say(`seeding the Dầu Tiếng reform plans (Conclusion 64-KL/TW, 2014–2020) once reform has the story's organizations and people (${seconds()})`);
pnpm(['--filter', '@ps/reform', 'run', 'seed'], {
  env: { DATABASE_URL: databaseUrl('ps_reform'), LOG_LEVEL: 'info' },
});
say(`demo data ready (${seconds()})`);
process.stdout.write(`
  Console:   ${CONSOLE}   (sign in as admin.dautieng / demo-2026, then Thống kê → 2013)
  Gateway:   ${GATEWAY}   (ready after ${seconds()})
  Keycloak:  http://127.0.0.1:8180/admin  (admin / admin: local only)
  Logs:      ${LOGS}
  Schema:    introspection and suggestions on (GRAPHQL_INTROSPECTION=true, local only)
  Stop:      npm run stop

  Demo logins (password demo-2026, realm political-system, clients console / platform-api).
  Today (two tiers since 1 July 2025):
    recorder.national  national-recorder the whole country: records the centre's decisions
    admin.tphcm        province-admin    Thành phố Hồ Chí Minh (79)
    admin.thanhan      commune-admin     Xã Thanh An (25807)
  The Dầu Tiếng story (units abolished or merged on 1 July 2025: their history only):
    admin.binhduong    province-admin    Tỉnh Bình Dương (74)
    admin.dautieng     district-admin    Huyện Dầu Tiếng (720)
    officer.dautieng   district-officer  Huyện Dầu Tiếng (720)
    viewer.dautieng    district-viewer   Huyện Dầu Tiếng (720)
    admin.anlap        commune-admin     Xã An Lập (25801)
    officer.anlap      commune-officer   Xã An Lập (25801)
    admin.dinhan       commune-admin     Xã Định An (25789)
    viewer.dinhan      commune-viewer    Xã Định An (25789)
  Personnel files are written only by the body that manages the person on the date (token claim body):
    tochuc.tphcm       province-officer  Ban Tổ chức Thành ủy TP.HCM (79): the city's commune cadres today
    noivu.tphcm        province-officer  Sở Nội vụ TP.HCM (79): the city's commune civil servants, public employees today
    tochuc.binhduong   province-officer  Ban Tổ chức Tỉnh ủy Bình Dương (74): district cadres until 1 Jul 2025 (history)
    noivu.binhduong    province-officer  Sở Nội vụ Bình Dương (74): province civil servants until 1 Jul 2025 (history)
    tochuc.dautieng    district-officer  Ban Tổ chức Huyện ủy Dầu Tiếng (720): commune cadres until 1 Jul 2025 (history)
    noivu.dautieng     district-officer  Phòng Nội vụ Dầu Tiếng (720): civil servants, public employees until 1 Jul 2025 (history)

  Try it:   node scripts/demo-query.mjs admin.thanhan
            node scripts/demo-query.mjs admin.dautieng 720 2013-09-16
  Ratings:  as admin.dautieng, { ratingReport(unitCode: "720", year: 2024, asOf: "2025-01-31") { total { good completed } } }
            (README: the rating workflow, the quality report per commune and head, its Excel workbook)
`);

/**
 * The seeds act inside the territory as each service has projected it: every version of every
 * unit (the 2025 mergers' too) must have arrived, not only today's Xã Thanh An.
 */
async function waitForTerritory() {
  const { awaitTerritoryProjected } = await import(join(ROOT, 'packages/testing/dist/index.js'));
  const { territoryReads } = await import(join(ROOT, 'packages/contracts/dist/index.js'));
  const types = [...new Set(Object.values(territoryReads).map((event) => event.type))];
  const consumers = ['personnel', 'evaluation', 'reform'].map((name) => ({ name, databaseUrl: databaseUrl(`ps_${name}`) }));
  await awaitTerritoryProjected(databaseUrl('ps_organization'), consumers, types, 300_000).catch((failure) => {
    say(`${failure.message}: see .local/logs/personnel.log, evaluation.log and reform.log`);
    process.exit(1);
  });
}

/** The territory reaches the other services through Kafka; wait until today's Xã Thanh An has. */
async function waitForDemoData() {
  const { tokenFor, graphqlRequest } = await import(join(ROOT, 'packages/testing/dist/index.js'));
  const token = await tokenFor('admin.thanhan');
  for (let attempt = 0; attempt < 480; attempt += 1) {
    const response = await graphqlRequest(GATEWAY, '{ unit(code: "25807") { headcount plans { id } } }', { token });
    if (response.data?.unit?.headcount !== null && response.data?.unit?.headcount !== undefined) return;
    await sleep(250);
  }
  say('the demo territory did not reach the personnel service within 120 s: see .local/logs/personnel.log and .local/logs/organization.log');
  process.exit(1);
}
