import { NotFoundError } from '@ps/errors';

/** The title code names no title in force on the date. */
export class TitleNotFoundError extends NotFoundError {
  constructor(code: string, date: string) {
    super(`Không có chức danh ${code} vào ngày ${date}`, `No title ${code} in force on ${date}`, { reason: 'TITLE_NOT_FOUND', code, date });
  }
}
