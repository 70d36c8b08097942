import { isInForce } from '@ps/effective-dating';
import { Gender } from '../person/person.kinds';
import { personalIdOf } from '../person/personal-id.rules';
import { DEMO_PARTY_FIGURES, demoPartyMembers, demoPersonalId } from './party-members.story';

const organizations = [
  { id: 'a', unitCode: '25801', name: 'Đảng bộ xã An Lập', validFrom: '1999-01-01', validTo: null },
  { id: 'b', unitCode: '720', name: 'Chi bộ cơ sở Bệnh viện huyện', validFrom: '1999-01-01', validTo: null },
  { id: 'c', unitCode: '720', name: 'Chi bộ cơ sở Bưu điện huyện', validFrom: '2005-03-01', validTo: null },
  { id: 'd', unitCode: '25789', name: 'Đảng bộ xã Định An', validFrom: '1999-01-01', validTo: '2003-01-01' },
];
const members = demoPartyMembers(organizations);
const byId = new Map(organizations.map((organization) => [organization.id, organization]));

describe('demoPartyMembers', () => {
  it.each(DEMO_PARTY_FIGURES)('has $members members as of $on', ({ on, members: expected }) => {
    expect(members.filter((member) => member.joinedOn <= on)).toHaveLength(expected);
  });

  it('is the same on every run, and another seed gives other people', () => {
    expect(demoPartyMembers(organizations)).toEqual(members);
    expect(demoPartyMembers(organizations, 1)).not.toEqual(members);
  });

  it('spreads the same people over the same organizations whatever ids organization drew and in whatever order they are listed', () => {
    const redrawn = organizations.map((organization) => ({ ...organization, id: `z-${organization.id}` })).reverse();
    const again = demoPartyMembers(redrawn).map((member) => ({ ...member, partyOrganizationId: member.partyOrganizationId.slice(2) }));
    expect(again).toEqual(members);
  });

  it('puts each member into an organization in force the day they joined, admitted on or before it, official a year later', () => {
    for (const member of members) {
      const organization = byId.get(member.partyOrganizationId);
      expect(organization && isInForce(organization, member.joinedOn)).toBe(true);
      expect(member.unitCode).toBe(organization?.unitCode);
      expect(member.admissionDate <= member.joinedOn && member.officialDate > member.admissionDate).toBe(true);
    }
  });

  it('gives unique, clearly fictional names, personal IDs and card numbers', () => {
    for (const key of ['fullName', 'personalId', 'cardNumber'] as const) expect(new Set(members.map((member) => member[key])).size).toBe(members.length);
    expect(members.every((member) => / Mẫu \d{4}$/.test(member.fullName) && member.personalId.startsWith('000'))).toBe(true);
  });
});

describe('demoPersonalId', () => {
  it('is well formed for the holder but refused as a real personal ID (province 000)', () => {
    const id = demoPersonalId(Gender.FEMALE, '1975-04-30', 12);
    expect(id).toBe('000175000012');
    expect(() => personalIdOf(id, Gender.FEMALE, 1975)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ details: { reason: 'PROVINCE_CODE' } }) }));
    expect(() => personalIdOf(`074${id.slice(3)}`, Gender.FEMALE, 1975)).not.toThrow();
  });
});
