import { PARTY_MEMBERSHIP_END_REASONS } from '@ps/contracts';
import { PartyMembershipEndReason } from './party-membership.entity';
import { membershipFacts } from './party-membership.rules';

describe('membershipFacts', () => {
  it('keeps an official date on or after admission, and a trimmed card number', () => {
    expect(membershipFacts('2000-05-19', '2001-05-19', ' 12.345-67 ')).toEqual({
      admissionDate: '2000-05-19', officialDate: '2001-05-19', cardNumber: '12.345-67',
    });
    expect(membershipFacts('2000-05-19', '2000-05-19', '  ')).toEqual({ admissionDate: '2000-05-19', officialDate: '2000-05-19', cardNumber: null });
  });

  it.each([
    ['2000-05-18', 'x', 'OFFICIAL_BEFORE_ADMISSION'],
    [null, 'số 12', 'CARD_NUMBER_FORMAT'],
    [null, '1'.repeat(31), 'CARD_NUMBER_FORMAT'],
  ])('refuses official date %j with card %j: %s', (officialDate, cardNumber, reason) => {
    expect(() => membershipFacts('2000-05-19', officialDate, cardNumber)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', details: { reason } } }),
    );
  });
});

it('names the end reasons the published contract names', () => {
  expect(Object.values(PartyMembershipEndReason)).toEqual([...PARTY_MEMBERSHIP_END_REASONS]);
});
