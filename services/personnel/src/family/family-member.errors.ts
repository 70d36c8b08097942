import { DomainError, NotFoundError } from '@ps/errors';
import { FAMILY_RELATION_NAMES, type FamilyRelation } from './family-member.kinds';

/** No family member with this id in force on the date, on a file inside the caller's territory (whether one exists elsewhere is not said). */
export class FamilyMemberNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`Không tìm thấy thân nhân ${id} trong địa bàn`, `No family member ${id} in your territory`, { reason: 'FAMILY_MEMBER_NOT_FOUND', id });
  }
}

/** A father, mother, spouse or parent-in-law is recorded once at a time: end the one recorded first. */
export class FamilyRelationTakenError extends DomainError {
  constructor(relation: FamilyRelation) {
    super(
      'FAMILY_RELATION_TAKEN',
      {
        vi: `Hồ sơ đã có ${FAMILY_RELATION_NAMES[relation].toLowerCase()} trong thời gian đó; hãy kết thúc người đã ghi trước`,
        en: `The file already has a ${relation.toLowerCase().replace('_', ' ')} then; end the one recorded first`,
      },
      { details: { reason: 'FAMILY_RELATION_TAKEN', relation } },
    );
  }
}

/** The exclusion constraint behind {@link FamilyRelationTakenError}, for a race the first check missed. */
export function isFamilyRelationTaken(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23P01' && driverError.constraint === 'family_member_single_relation';
}
