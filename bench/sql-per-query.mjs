// `pnpm --filter @ps/bench sql-per-query`: SQL statements a federated list query costs as its page
// grows. The platform (platform.mjs) runs with tracing on, every span exported to an OTLP receiver
// here; `searchUnits(first: N)` with fields of all four services is asked for N = 1 … 100 as
// admin.tphcm, and the statements (PostgreSQL client spans) of each query's trace are counted
// per service. Batched representations keep the count flat however many units come back.
import { SPAN_KIND, startTraceReceiver, tokenFor } from '@ps/testing';
import { writeResults } from './lib.mjs';
import { startPlatform, viaGateway } from './platform.mjs';

const PAGES = (process.env.PAGES ?? '1,5,10,25,50,100').split(',').map(Number);
const TEXT = process.env.TEXT ?? 'an';
const QUERY = `query Search($text: String!, $first: Int!) {
  searchUnits(text: $text, first: $first) {
    code name headcount ratingSummary { year total } plans { title }
  }
}`;

const receiver = await startTraceReceiver();
const platform = await startPlatform({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' } });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
try {
  const token = await tokenFor('admin.tphcm');
  const rows = [];
  for (const first of PAGES) {
    const before = new Set(receiver.spans().map((span) => span.traceId));
    const data = await viaGateway(QUERY, { text: TEXT, first }, token);
    await pause(1_500); // the batch span processors export every 100 ms
    const traceIds = new Set(receiver.spans().filter((span) => span.service === 'gateway' && span.kind === SPAN_KIND.server && !before.has(span.traceId)).map((span) => span.traceId));
    const statements = receiver.spans().filter((span) => traceIds.has(span.traceId) && span.kind === SPAN_KIND.client && String(span.attributes['db.system'] ?? span.attributes['db.system.name'] ?? '') === 'postgresql');
    const byService = {};
    for (const span of statements) byService[span.service] = (byService[span.service] ?? 0) + 1;
    rows.push({ first, units: data.searchUnits.length, traces: traceIds.size, statements: statements.length, byService });
  }
  writeResults('sql-per-query', { query: QUERY, text: TEXT, rows }, `
\`searchUnits(text: "${TEXT}", first: N)\` with headcount (personnel), ratingSummary (evaluation) and plans (reform), as admin.tphcm; SQL statements counted from each query's trace (PostgreSQL client spans).

| first | units returned | SQL statements | by service |
|---|---|---|---|
${rows.map((row) => `| ${row.first} | ${row.units} | ${row.statements} | ${Object.entries(row.byService).sort().map(([service, count]) => `${service} ${count}`).join(', ')} |`).join('\n')}

Flat means no N+1: the statement count does not grow with the page.
`);
} finally {
  await platform.stop();
  await receiver.close();
}
