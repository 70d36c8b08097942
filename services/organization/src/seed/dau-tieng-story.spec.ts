import { OrganizationKind } from '../organization/organization.entity';
import { dauTiengOrganizations } from './dau-tieng-story';

const grassrootsOn = (date: string) =>
  dauTiengOrganizations().filter((o) => o.kind === OrganizationKind.PARTY_GRASSROOTS && o.validFrom <= date).length;

describe('the Dầu Tiếng seed story', () => {
  it('has 22 grassroots Party organizations at the end of 1999 and 51 in September 2013', () => {
    expect(grassrootsOn('1999-12-31')).toBe(22);
    expect(grassrootsOn('2013-09-16')).toBe(51);
  });

  it('puts every grassroots organization under the district Party organization, not under its committee', () => {
    const organizations = dauTiengOrganizations();
    const district = organizations.find((o) => o.kind === OrganizationKind.PARTY_ORGANIZATION && o.unitCode === '720');
    const committee = organizations.find((o) => o.kind === OrganizationKind.PARTY_COMMITTEE && o.unitCode === '720');
    expect(committee?.parentId).toBe(district?.id);
    expect(organizations.filter((o) => o.kind === OrganizationKind.PARTY_GRASSROOTS).every((o) => o.parentId === district?.id)).toBe(true);
  });

  it('gives every committee the Party organization that elects it as its parent', () => {
    const organizations = dauTiengOrganizations();
    const byId = new Map(organizations.map((o) => [o.id, o]));
    for (const committee of organizations.filter((o) => o.kind === OrganizationKind.PARTY_COMMITTEE)) {
      expect([OrganizationKind.PARTY_ORGANIZATION, OrganizationKind.PARTY_GRASSROOTS]).toContain(byId.get(committee.parentId ?? '')?.kind);
    }
  });
});
