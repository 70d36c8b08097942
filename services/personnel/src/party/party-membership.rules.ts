import { InvalidMembershipError } from './party-membership.errors';

const CARD_NUMBER = /^[0-9A-Za-z.\-/]{1,30}$/;

/**
 * What an admission records besides who and where: the admission date (the change's effective
 * date), the official date (not before it) and the card number (1–30 letters, digits, . - /).
 */
export function membershipFacts(admissionDate: string, officialDate: string | null | undefined, cardNumber: string | null | undefined) {
  if (officialDate && officialDate < admissionDate) {
    throw new InvalidMembershipError(
      `Ngày chính thức ${officialDate} trước ngày vào Đảng ${admissionDate}`,
      `Official date ${officialDate} is before the admission date ${admissionDate}`,
      { reason: 'OFFICIAL_BEFORE_ADMISSION' },
    );
  }
  const card = cardNumber?.trim() || null;
  if (card !== null && !CARD_NUMBER.test(card)) {
    throw new InvalidMembershipError('Số thẻ đảng viên không hợp lệ', 'Invalid Party card number', { reason: 'CARD_NUMBER_FORMAT' });
  }
  return { admissionDate, officialDate: officialDate ?? null, cardNumber: card };
}
