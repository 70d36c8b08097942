import { requireCapability, type Principal } from '@ps/auth';
import { writeDated, type ChangeFacts } from '@ps/effective-dating';
import { DomainError } from '@ps/errors';
import type { DataSource } from 'typeorm';
import { DEMO_PROVINCE_CODES, ISSUED_PROVINCE_CODES } from '../person/personal-id.rules';
import { assignmentsImport } from './assignments.import';
import { ImportKind, type ImportFeature, type RowRules } from './import.feature';
import { inFileOrder, type ImportReject } from '@ps/file-import';
import { readSheet, type ImportFormat, type SheetRow } from '@ps/file-import';
import { membershipsImport } from './memberships.import';
import { peopleImport } from './people.import';

/** A file to import and the change its rows are recorded under. */
export interface ImportRequest {
  kind: ImportKind;
  format: ImportFormat;
  content: Buffer;
  change: ChangeFacts;
  /**
   * Demo data: personal IDs must carry the never-issued province code 000 (and no other), so a
   * demo file can name no real person. Operator commands only; the API never sets it.
   */
  demo?: boolean;
}

/** Everything written (rejects empty), or nothing written and every reject. */
export interface ImportOutcome {
  imported: number;
  /** Rows refused (a row may have several rejects). */
  rejected: number;
  rejects: ImportReject[];
}

/** How far an import is: rows validated, then rows written, of the file's total. */
export interface ImportProgress {
  stage: 'validated' | 'written';
  done: number;
  total: number;
}

/** Rows read between two progress reports. */
const PROGRESS_STEP = 1_000;

/** Carries the rejects out of the write's transaction, which it rolls back. */
class ImportRejectedError extends DomainError {
  constructor(readonly rejects: ImportReject[]) {
    super('IMPORT_REJECTED', { vi: 'Tệp có dòng bị từ chối, không ghi dòng nào', en: 'The file has rejected rows; nothing was written' });
  }
}

/**
 * Imports a file all or nothing: every row is validated first (its cells by the owners' rules,
 * repeats within the file, then the database and the caller's territory on the effective
 * date); any reject and nothing is written. Otherwise every row goes in one dated write: one
 * decision, one audit row with the counts, the events each row's single write would emit.
 */
export class ImportService {
  constructor(private readonly dataSource: DataSource) {}

  async importFile(principal: Principal, request: ImportRequest, onProgress: (progress: ImportProgress) => void = () => undefined): Promise<ImportOutcome> {
    requireCapability(principal, 'officer');
    switch (request.kind) {
      case ImportKind.PEOPLE:
        return this.run(peopleImport, principal, request, onProgress);
      case ImportKind.PARTY_MEMBERSHIPS:
        return this.run(membershipsImport, principal, request, onProgress);
      case ImportKind.ASSIGNMENTS:
        return this.run(assignmentsImport, principal, request, onProgress);
    }
  }

  private async run<Row extends { row: number }>(
    feature: ImportFeature<Row>,
    principal: Principal,
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportOutcome> {
    const sheet = await readSheet(request.format, request.content, feature.columns);
    const total = sheet.length;
    const { rows, rejects } = readRows(feature, sheet, { provinces: request.demo ? DEMO_PROVINCE_CODES : ISSUED_PROVINCE_CODES }, onProgress);
    try {
      return await writeDated(this.dataSource, { actor: principal, operation: feature.operation, change: request.change }, async (write) => {
        const checked = await feature.check(write.manager, principal, write.date, rows);
        onProgress({ stage: 'validated', done: total, total });
        if (rejects.length + checked.rejects.length > 0) throw new ImportRejectedError(inFileOrder([...rejects, ...checked.rejects]));
        await checked.write(write, (written) => onProgress({ stage: 'written', done: written, total }));
        return { imported: total, rejected: 0, rejects: [] };
      });
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      return { imported: 0, rejected: new Set(error.rejects.map((reject) => reject.row)).size, rejects: error.rejects };
    }
  }
}

/**
 * Every row read by the feature's rules, then repeats within the file; the rows with no reject
 * are the ones the database is asked about.
 */
function readRows<Row extends { row: number }>(
  feature: ImportFeature<Row>,
  sheet: readonly SheetRow[],
  rules: RowRules,
  onProgress: (progress: ImportProgress) => void,
): { rows: Row[]; rejects: ImportReject[] } {
  const rows: Row[] = [];
  const rejects: ImportReject[] = [];
  sheet.forEach((row, index) => {
    const read = feature.readRow(row, rules);
    if (read.rejects) rejects.push(...read.rejects);
    else rows.push(read.value);
    // The last step is told once the database has answered too.
    if ((index + 1) % PROGRESS_STEP === 0 && index + 1 < sheet.length) onProgress({ stage: 'validated', done: index + 1, total: sheet.length });
  });
  rejects.push(...feature.repeats(rows));
  const refused = new Set(rejects.map((reject) => reject.row));
  return { rows: rows.filter((row) => !refused.has(row.row)), rejects };
}
