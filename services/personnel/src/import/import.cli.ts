import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANAGEMENT_BODIES, NATIONAL_UNIT_CODE, TIERS, type Principal, type Tier } from '@ps/auth';
import { isCalendarDate, systemActor } from '@ps/effective-dating';
import { DomainError, NotFoundError } from '@ps/errors';
import { createLogger, withServiceDatabase } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { personnelService } from '../service';
import { territoryGuard } from '../territory/territory.guard';
import { ImportKind } from './import.feature';
import { progressBar } from './import.progress';
import { rejectsCsv } from '@ps/file-import';
import { ImportService } from './import.service';
import { ImportFormat } from '@ps/file-import';

const USAGE = `Nhập tệp lớn / import a large file:
  pnpm --filter @ps/personnel run import <file.csv|file.xlsx> --effective-date YYYY-MM-DD --reason <lý do>
    --decision-number <số> --decision-date YYYY-MM-DD --signer <người ký>
    [--kind people|memberships|assignments] [--unit <mã đơn vị, mặc định VN>] [--body ORGANIZATION_BOARD|HOME_AFFAIRS]
    [--rejects <tệp.csv | ->] [--demo]`;

const calendarDate = z.string().refine(isCalendarDate, 'YYYY-MM-DD');
const options = z.object({
  file: z.string().min(1),
  kind: z.enum(['people', 'memberships', 'assignments']).default('people'),
  'effective-date': calendarDate,
  reason: z.string().min(1),
  'decision-number': z.string().min(1),
  'decision-date': calendarDate,
  signer: z.string().min(1),
  unit: z.string().min(1).default(NATIONAL_UNIT_CODE),
  body: z.enum(MANAGEMENT_BODIES).optional(),
  rejects: z.string().optional(),
  demo: z.boolean().default(false),
});
type Options = z.infer<typeof options>;
const KINDS: Record<Options['kind'], ImportKind> = { people: ImportKind.PEOPLE, memberships: ImportKind.PARTY_MEMBERSHIPS, assignments: ImportKind.ASSIGNMENTS };

/** The command line, validated once; what is wrong or missing is named, with the usage. */
function commandLine(): Options {
  const text = { type: 'string' } as const;
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kind: text, 'effective-date': text, reason: text, 'decision-number': text, 'decision-date': text, signer: text, unit: text, body: text, rejects: text, demo: { type: 'boolean' } },
  });
  const parsed = options.safeParse({ ...values, file: positionals[0] });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n');
  process.stderr.write(`${problems}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * The operator acts as an officer of `unit` (the whole country by default), in `body` if named:
 * the file's units must lie inside it, and people and posts be those the body manages there.
 */
async function operatorOf(dataSource: DataSource, unitCode: string, body: Options['body']): Promise<Principal> {
  const operator = { ...systemActor('import'), capability: 'officer' as const, roles: [], body: body ?? null };
  if (unitCode === NATIONAL_UNIT_CODE) return { ...operator, tier: 'NATIONAL' };
  const [unit]: Array<{ tier: string }> = await dataSource.query('SELECT tier FROM territory_unit WHERE code = $1 ORDER BY valid_from DESC LIMIT 1', [unitCode]);
  if (!unit || !TIERS.includes(unit.tier as Tier)) throw new NotFoundError(`Không có đơn vị ${unitCode}`, `No unit ${unitCode}`, { unitCode });
  const principal: Principal = { ...operator, unitCode, tier: unit.tier as Tier };
  await territoryGuard.requireServing(dataSource.manager, principal);
  return principal;
}

function formatOf(file: string): ImportFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return ImportFormat.CSV;
  if (extension === '.xlsx') return ImportFormat.XLSX;
  process.stderr.write(`Tệp phải là .csv hoặc .xlsx / the file must be .csv or .xlsx: ${file}\n`);
  process.exit(2);
}

async function run(dataSource: DataSource, cli: Options): Promise<number> {
  // pnpm runs the script in the package's folder: a relative path is the caller's.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), cli.file);
  const outcome = await new ImportService(dataSource).importFile(
    await operatorOf(dataSource, cli.unit, cli.body),
    {
      kind: KINDS[cli.kind],
      format: formatOf(file),
      content: await readFile(file),
      change: { effectiveDate: cli['effective-date'], reason: cli.reason, decision: { number: cli['decision-number'], date: cli['decision-date'], signer: cli.signer } },
      demo: cli.demo,
    },
    progressBar(),
  );
  if (outcome.rejects.length === 0) {
    process.stderr.write(`Đã ghi ${outcome.imported} dòng / ${outcome.imported} rows written\n`);
    return 0;
  }
  const report = cli.rejects ?? `${file}.rejects.csv`;
  if (report === '-') process.stdout.write(rejectsCsv(outcome.rejects));
  else await writeFile(report, rejectsCsv(outcome.rejects));
  process.stderr.write(
    `${outcome.rejected} dòng bị từ chối, không ghi dòng nào / rows rejected: ${outcome.rejected}, nothing written` +
      `${report === '-' ? '' : `: ${report}`}\n`,
  );
  return 1;
}

const cli = commandLine();
withServiceDatabase(personnelService, 'import', (dataSource) => run(dataSource, cli), { logTo: 2 })
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message} (${error.code})\n`);
      process.exit(2);
    }
    createLogger('personnel-import', 'info', 2).fatal({ err: error }, 'import failed');
    process.exit(3);
  });
