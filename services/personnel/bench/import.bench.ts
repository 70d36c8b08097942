import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Principal } from '@ps/auth';
import { systemActor } from '@ps/effective-dating';
import { createDataSource, createLogger, openDatabase } from '@ps/service-kit';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { ImportKind } from '../src/import/import.feature';
import { DEMO_PROVINCE_CODES } from '../src/person/personal-id.rules';
import { ImportFormat, readSheet } from '@ps/file-import';
import { PEOPLE_COLUMNS } from '../src/import/import.columns';
import { ImportService } from '../src/import/import.service';
import { personRowOf, type PersonRow } from '../src/import/people.rows';
import { personnelService } from '../src/service';
import { fictionalPeople, HOME_AFFAIRS_CATEGORIES, peopleCsv } from '../test/people.fixtures';

/**
 * The import against PostgreSQL's own bulk load: the same fictional people (personal IDs under
 * the never-issued province 000) imported through the service (A: parse, validate, one dated
 * write with batched INSERTs, events and audit) and COPY'd into a scratch table of person's
 * shape (B: the rows already parsed, COPY … FROM STDIN only). A B A B …, a fresh database
 * before every run; medians at the end.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const UNITS = ['25801', '25789'];
const url = infrastructure.databaseUrl('ps_personnel_bench_test');
const logger = createLogger('personnel-bench', 'warn', 2);
/** Dầu Tiếng's home-affairs office, which manages the file's people (civil servants, public employees, workers) on its date. */
const operator: Principal = { ...systemActor('bench'), unitCode: '720', tier: 'DISTRICT', capability: 'officer', roles: [], body: 'HOME_AFFAIRS' };
const CHANGE = {
  effectiveDate: '2025-01-02',
  reason: 'Dữ liệu mẫu: đo tốc độ nhập / demo data: import benchmark',
  decision: { number: 'MINH-HOA/NHAP-HO-SO', date: '2025-01-02', signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
};
const TERRITORY = [
  ['74', '74', 'Tỉnh Bình Dương', 'PROVINCE', null],
  ['720', '74.720', 'Huyện Dầu Tiếng', 'DISTRICT', '74'],
  ['25801', '74.720.25801', 'Xã An Lập', 'COMMUNE', '720'],
  ['25789', '74.720.25789', 'Xã Định An', 'COMMUNE', '720'],
];

/** A fresh database with personnel's migrations and the demo territory (what the territory projection would hold). */
async function freshDatabase(): Promise<DataSource> {
  await recreateTestDatabase(url);
  const dataSource = createDataSource({ url, entities: personnelService.entities, migrations: personnelService.migrations, applicationName: 'personnel-bench' });
  await openDatabase(dataSource, logger, { migrate: true });
  for (const [code, path, name, tier, parent] of TERRITORY) {
    await dataSource.query(
      `INSERT INTO territory_unit (code, path, name, tier, parent_code, valid_from, stated_at) VALUES ($1, $2, $3, $4, $5, '1999-01-01', now())`,
      [code, path, name, tier, parent],
    );
  }
  return dataSource;
}

interface Run {
  seconds: number;
  validatedAfter?: number;
}

async function throughTheService(file: Buffer): Promise<Run> {
  const dataSource = await freshDatabase();
  try {
    const started = performance.now();
    let validatedAfter: number | undefined;
    const outcome = await new ImportService(dataSource).importFile(
      operator,
      { kind: ImportKind.PEOPLE, format: ImportFormat.CSV, content: file, change: CHANGE, demo: true },
      (progress) => {
        if (progress.stage === 'validated' && progress.done === progress.total) validatedAfter = (performance.now() - started) / 1000;
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM person');
    if (outcome.imported !== ROWS || n !== ROWS) throw new RangeError(`service import wrote ${n} of ${ROWS} (rejects: ${outcome.rejected})`);
    return { seconds, validatedAfter };
  } finally {
    await dataSource.destroy();
  }
}

const COPY_COLUMNS = 'id, full_name, personal_id, birth_date, birth_year, gender, ethnicity, religion, home_place, category, unit_code, valid_from, reason, created_by';

/** The parsed rows as COPY's CSV, in the columns above (the reader's own parse, before the clock starts). */
function copyText(rows: readonly PersonRow[]): string {
  const quote = (value: string | number | null) => (value === null ? '' : `"${String(value).replace(/"/g, '""')}"`);
  return rows
    .map((row) => [randomUUID(), row.fullName, row.personalId, row.birthDate, row.birthYear, row.gender, row.ethnicity, row.religion, row.homePlace, row.category, row.unitCode, CHANGE.effectiveDate, CHANGE.reason, operator.userId].map(quote).join(','))
    .join('\n') + '\n';
}

async function rawCopy(text: string): Promise<Run> {
  const dataSource = await freshDatabase();
  await dataSource.query('CREATE TABLE person_copy (LIKE person INCLUDING ALL)');
  await dataSource.destroy();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY person_copy (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)));
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query('SELECT count(*)::int AS n FROM person_copy');
    if (rows[0].n !== ROWS) throw new RangeError(`COPY loaded ${rows[0].n} of ${ROWS}`);
    return { seconds };
  } finally {
    await client.end();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const file = peopleCsv(fictionalPeople(ROWS, { province: '000', units: UNITS, categories: HOME_AFFAIRS_CATEGORIES }));
  const parsed = (await readSheet(ImportFormat.CSV, file, Object.values(PEOPLE_COLUMNS))).map((row) => personRowOf(row, { provinces: DEMO_PROVINCE_CODES }).value);
  const text = copyText(parsed.filter((row): row is PersonRow => row !== undefined));
  say(`${ROWS.toLocaleString('en-US')} people, CSV ${(file.length / 1_048_576).toFixed(1)} MB; ${ROUNDS} rounds of A (service import) then B (COPY), a fresh database before each run`);
  const service: Run[] = [];
  const copy: Run[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const a = await throughTheService(file);
    service.push(a);
    say(`round ${round} A service import ${a.seconds.toFixed(2)} s (validated after ${a.validatedAfter?.toFixed(2)} s)  ${Math.round(ROWS / a.seconds).toLocaleString('en-US')} rows/s`);
    const b = await rawCopy(text);
    copy.push(b);
    say(`round ${round} B raw COPY      ${b.seconds.toFixed(2)} s  ${Math.round(ROWS / b.seconds).toLocaleString('en-US')} rows/s`);
  }
  const a = median(service.map((run) => run.seconds));
  const b = median(copy.map((run) => run.seconds));
  say(`median A service import: ${a.toFixed(2)} s, ${Math.round(ROWS / a).toLocaleString('en-US')} rows/s (validation ${median(service.map((run) => run.validatedAfter ?? 0)).toFixed(2)} s of it)`);
  say(`median B raw COPY:       ${b.toFixed(2)} s, ${Math.round(ROWS / b).toLocaleString('en-US')} rows/s`);
  say(`A / B: ${(a / b).toFixed(1)}× the time of a raw COPY`);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'benchmark failed');
  process.exit(1);
});
