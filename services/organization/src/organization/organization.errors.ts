import { BadUserInputError, DomainError } from '@ps/errors';

/** No organization with this id is open (or, with a date, in force on that date). */
export class OrganizationNotFoundError extends DomainError {
  constructor(id: string, date?: string) {
    const on = date ? { vi: ` vào ngày ${date}`, en: ` on ${date}` } : { vi: '', en: '' };
    super(
      'ORGANIZATION_NOT_FOUND',
      { vi: `Không có tổ chức ${id} đang hoạt động${on.vi}`, en: `No organization ${id} is in force${on.en}` },
      { details: { id, ...(date ? { date } : {}) } },
    );
  }
}

/** An organization cannot close while organizations under it stay open. */
export class OrganizationHasChildrenError extends DomainError {
  constructor(id: string, children: string[]) {
    super(
      'ORGANIZATION_HAS_CHILDREN',
      {
        vi: `Tổ chức ${id} còn ${children.length} tổ chức trực thuộc chưa giải thể`,
        en: `Organization ${id} still has ${children.length} open child organization(s)`,
      },
      { details: { id, children } },
    );
  }
}

/** The parent named for an organization cannot hold it (not in force, other unit, closing, or a cycle). */
export class InvalidParentOrganizationError extends DomainError {
  constructor(vi: string, en: string, details: Record<string, unknown>) {
    super('ORGANIZATION_PARENT_INVALID', { vi, en }, { details });
  }
}

/** The unit a change applies to is not in force on the change's date. */
export class UnitNotInForceError extends DomainError {
  constructor(code: string, date: string) {
    super(
      'UNIT_NOT_IN_FORCE',
      { vi: `Đơn vị ${code} không có hiệu lực vào ngày ${date}`, en: `Unit ${code} is not in force on ${date}` },
      { details: { code, date } },
    );
  }
}

export class SeatNotFoundError extends DomainError {
  constructor(id: string) {
    super('SEAT_NOT_FOUND', { vi: `Không có vị trí ${id} đang hoạt động`, en: `No open seat ${id}` }, { details: { id } });
  }
}

/** A change may not take effect before the version it follows (history is rewritten by a new decision, not an edit). */
export class ChangeBeforeVersionError extends BadUserInputError {
  constructor(id: string, validFrom: string, date: string) {
    super(
      `Ngày hiệu lực ${date} sớm hơn phiên bản hiện hành (từ ${validFrom}) của ${id}`,
      `Effective date ${date} is before the current version of ${id} (from ${validFrom})`,
      { id, validFrom, date },
    );
  }
}

/** Closing needs a date after the current version's start, and nothing held may start on or after it. */
export class ClosingDateError extends BadUserInputError {}

/** Trims a required text input; blank is BAD_USER_INPUT. */
export function requiredText(value: string, field: { vi: string; en: string }): string {
  const text = value.trim();
  if (text.length === 0) throw new BadUserInputError(`${field.vi} không được để trống`, `${field.en} is required`);
  return text;
}
