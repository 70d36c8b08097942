import { DomainError } from '@ps/errors';

/** The operator asked for something the loader cannot do (bad flag or date). */
export class TerritoryLoadOptionError extends DomainError {
  constructor(vi: string, en: string, details?: Record<string, unknown>) {
    super('TERRITORY_LOAD_INVALID_OPTION', { vi, en }, { details });
  }
}

/** A data file is missing or does not have the shape its README describes; nothing is written. */
export class TerritoryDataFileError extends DomainError {
  constructor(file: string, problem: string) {
    super(
      'TERRITORY_LOAD_DATA_FILE_UNREADABLE',
      { vi: `Không đọc được tệp dữ liệu ${file}`, en: `Cannot read data file ${file}: ${problem}` },
      { details: { file, problem } },
    );
  }
}

/** A reorganization plan was asked for a province the 2026 two-tier list does not have. */
export class UnknownNewProvinceError extends DomainError {
  constructor(code: string) {
    super(
      'TERRITORY_REPLAY_UNKNOWN_PROVINCE',
      { vi: `Không có tỉnh mã ${code} trong danh mục 2026`, en: `No province ${code} in the 2026 two-tier list` },
      { details: { code } },
    );
  }
}
