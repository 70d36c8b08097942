import { DomainError } from '@ps/errors';

/** A file the import cannot read as the format it was said to be (not CSV text, not an .xlsx workbook). */
export class UnreadableImportFileError extends DomainError {
  constructor(format: string) {
    super('IMPORT_FILE_UNREADABLE', { vi: `Không đọc được tệp theo định dạng ${format}`, en: `The file cannot be read as ${format}` }, {
      details: { reason: 'IMPORT_FILE_UNREADABLE', format },
    });
  }
}

/** The header row lacks columns the import needs; nothing else is checked until it has them. */
export class ImportColumnsMissingError extends DomainError {
  constructor(missing: readonly string[]) {
    super('IMPORT_COLUMNS_MISSING', { vi: `Tệp thiếu cột: ${missing.join(', ')}`, en: `The file lacks the columns: ${missing.join(', ')}` }, {
      details: { reason: 'IMPORT_COLUMNS_MISSING', missing },
    });
  }
}

/** A file with a header and no data row. */
export class EmptyImportFileError extends DomainError {
  constructor() {
    super('IMPORT_FILE_EMPTY', { vi: 'Tệp không có dòng dữ liệu nào', en: 'The file has no data row' }, { details: { reason: 'IMPORT_FILE_EMPTY' } });
  }
}

/** A file sent through the API that is larger than one request may carry; the command-line import has no such limit. */
export class ImportFileTooLargeError extends DomainError {
  constructor(limitBytes: number, sizeBytes: number, command: string | null) {
    const limit = `${(limitBytes / 1_048_576).toFixed(0)} MB`;
    super(
      'IMPORT_FILE_TOO_LARGE',
      {
        vi: `Tệp quá lớn để nhập qua API (yêu cầu tối đa ${limit}); ${command ? `hãy dùng lệnh nhập tệp lớn (${command})` : 'hãy chia tệp thành nhiều phần'}`,
        en: `The file is too large to import through the API (requests are limited to ${limit}); ${command ? `use the large-file import command (${command})` : 'split the file into parts'}`,
      },
      { details: { reason: 'IMPORT_FILE_TOO_LARGE', limitBytes, sizeBytes } },
    );
  }
}
