import { ASSIGNMENT_END_REASONS } from '@ps/contracts';
import { AssignmentEndReason } from './assignment.entity';
import { requireSeatHasRoom, requireSeatOfOrganization, requireTitleKind, seatPlaces, vacanciesOf } from './assignment.rules';

const secretary = { code: 'COMMUNE_PARTY_SECRETARY', organizationKind: 'PARTY_COMMITTEE' };
const refusal = (code: string, reason: string) => expect.objectContaining({ extensions: expect.objectContaining({ code, details: expect.objectContaining({ reason }) }) });

describe('requireTitleKind', () => {
  it('accepts a title in an organization of its kind', () => {
    expect(() => requireTitleKind(secretary, 'PARTY_COMMITTEE')).not.toThrow();
  });

  it.each(['PEOPLES_COMMITTEE', 'PARTY_GRASSROOTS'])('refuses it in a %s', (kind) => {
    expect(() => requireTitleKind(secretary, kind)).toThrow(refusal('BAD_USER_INPUT', 'TITLE_ORGANIZATION_KIND'));
  });
});

describe('requireSeatHasRoom', () => {
  it('takes holders up to the capacity and refuses the next', () => {
    expect(() => requireSeatHasRoom({ title: 'Phó Chủ tịch', capacity: 2 }, 1)).not.toThrow();
    expect(() => requireSeatHasRoom({ title: 'Phó Chủ tịch', capacity: 2 }, 2)).toThrow(refusal('SEAT_FULL', 'SEAT_FULL'));
  });
});

describe('requireSeatOfOrganization', () => {
  it('takes a seat of the organization and refuses another’s', () => {
    expect(() => requireSeatOfOrganization({ id: 's', organizationId: 'o' }, 'o')).not.toThrow();
    expect(() => requireSeatOfOrganization({ id: 's', organizationId: 'o' }, 'p')).toThrow(refusal('BAD_USER_INPUT', 'SEAT_OF_ANOTHER_ORGANIZATION'));
  });
});

describe('seatPlaces', () => {
  it('counts filled and vacant places, never a negative vacancy', () => {
    expect(seatPlaces(3, 1)).toEqual({ filled: 1, vacant: 2 });
    expect(seatPlaces(1, 2)).toEqual({ filled: 2, vacant: 0 });
  });
});

describe('vacanciesOf', () => {
  it('is the quota less the headcount, negative when over it, and null without a quota or figures', () => {
    expect(vacanciesOf({ quota: 5, headcount: 2 })).toBe(3);
    expect(vacanciesOf({ quota: 5, headcount: 7 })).toBe(-2);
    expect(vacanciesOf({ quota: null, headcount: 2 })).toBeNull();
    expect(vacanciesOf(null)).toBeNull();
  });
});

it('names the end reasons the published contract names', () => {
  expect(Object.values(AssignmentEndReason)).toEqual([...ASSIGNMENT_END_REASONS]);
});
