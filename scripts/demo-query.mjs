// `node scripts/demo-query.mjs [username]`: signs in as a demo user and asks the gateway for
// Huyện Dầu Tiếng with its communes and the fields every service contributes.
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const { tokenFor, graphqlRequest } = await import(join(ROOT, 'packages/testing/dist/index.js'));
const username = process.argv[2] ?? 'admin.dautieng';
const code = process.argv[3] ?? '720';
const query = `query Unit($code: ID!) {
  unit(code: $code) {
    code name tier path headcount ratingSummary { year total excellent } plans { title resolutionRef }
    children { code name headcount ratingSummary { year total } plans { title } }
  }
}`;
const response = await graphqlRequest(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql', query, {
  token: await tokenFor(username),
  variables: { code },
});
process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
