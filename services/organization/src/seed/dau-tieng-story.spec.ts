import { dauTiengOrganizations } from './dau-tieng-story';

const grassrootsOn = (date: string) =>
  dauTiengOrganizations().filter((o) => o.kind === 'PARTY_GRASSROOTS' && o.validFrom <= date).length;

describe('the Dầu Tiếng seed story', () => {
  it('has 22 grassroots Party organizations at the end of 1999 and 51 in September 2013', () => {
    expect(grassrootsOn('1999-12-31')).toBe(22);
    expect(grassrootsOn('2013-09-16')).toBe(51);
  });

  it('puts every grassroots organization under the district Party committee', () => {
    const organizations = dauTiengOrganizations();
    const committee = organizations.find((o) => o.kind === 'PARTY_COMMITTEE');
    expect(organizations.filter((o) => o.kind === 'PARTY_GRASSROOTS').every((o) => o.parentId === committee?.id)).toBe(true);
  });
});
