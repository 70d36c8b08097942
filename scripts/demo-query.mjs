// `node scripts/demo-query.mjs [username] [unit code] [as of]`: signs in as a demo user and asks
// the gateway for a unit with its children and the fields every service contributes, as of a
// date (default today). Today Xã Thanh An (25807) lies under Thành phố Hồ Chí Minh; Huyện Dầu
// Tiếng (720) answers until 2025-06-30: `node scripts/demo-query.mjs admin.dautieng 720 2013-09-16`.
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const { tokenFor, graphqlRequest } = await import(join(ROOT, 'packages/testing/dist/index.js'));
const username = process.argv[2] ?? 'admin.thanhan';
const code = process.argv[3] ?? '25807';
const asOf = process.argv[4] ?? null;
const query = `query Unit($code: ID!, $asOf: LocalDate) {
  unit(code: $code, asOf: $asOf) {
    code name tier path headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const response = await graphqlRequest(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', query, {
  token: await tokenFor(username),
  variables: { code, asOf },
});
process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
