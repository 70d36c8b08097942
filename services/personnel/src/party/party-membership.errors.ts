import { BadUserInputError, DomainError, NotFoundError } from '@ps/errors';

export class MembershipNotFoundError extends NotFoundError {
  constructor(what: 'PERSON' | 'MEMBERSHIP', id: string) {
    const [vi, en] = what === 'PERSON' ? ['người', 'person'] : ['đảng tịch đang có hiệu lực', 'open membership'];
    super(`Không tìm thấy ${vi} ${id} trong địa bàn`, `No ${en} ${id} in your territory`, { reason: `${what}_NOT_FOUND`, id });
  }
}

/** A person belongs to one Party organization at a time. */
export class AlreadyPartyMemberError extends DomainError {
  constructor() {
    super('ALREADY_PARTY_MEMBER', { vi: 'Người này đã là đảng viên trong thời gian đó', en: 'The person is already a Party member then' }, {
      details: { reason: 'ALREADY_PARTY_MEMBER' },
    });
  }
}

/** A card number is on one membership only. */
export class CardNumberTakenError extends DomainError {
  constructor(cardNumber: string) {
    super('CARD_NUMBER_TAKEN', { vi: `Số thẻ đảng viên ${cardNumber} đã được dùng`, en: `Card number ${cardNumber} is already taken` }, {
      details: { reason: 'CARD_NUMBER_TAKEN', cardNumber },
    });
  }
}

export class InvalidMembershipError extends BadUserInputError {}

/** The exclusion constraints of `party_membership` as the typed error a user gets, or null. */
export function membershipConflict(error: unknown, cardNumber: string | null): DomainError | null {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  if (driverError?.code !== '23P01') return null;
  if (driverError.constraint === 'party_membership_one_at_a_time') return new AlreadyPartyMemberError();
  if (driverError.constraint === 'party_membership_card_number' && cardNumber) return new CardNumberTakenError(cardNumber);
  return null;
}
