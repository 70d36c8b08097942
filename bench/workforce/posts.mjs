// Where the workforce works: each tier's posts at full scale, in the order a unit fills them
// (leaders first, then staff), and the rule spreading a tier's people over its units so that a
// small scale still keeps each tier's mix of posts. Titles are personnel's catalogue where it
// has one; the catalogue has no province or public service unit titles, so those codes are
// this generator's own (listed in TITLES_OUTSIDE_CATALOGUE).

/** National totals at scale 1.0 and the share of the workforce per place of work. */
export const NATION = { workforce: 2_700_000, partyMembers: 5_300_000 };
export const TIER_SHARES = [['COMMUNE', 0.09], ['DISTRICT', 0.15], ['PROVINCE', 0.2], ['PUBLIC_SERVICE_UNIT', 0.56]];

const repeat = (n, post) => Array.from({ length: n }, () => post);
const COMMUNE_POSTS = [
  ['committee', 'COMMUNE_PARTY_SECRETARY'], ['committee', 'COMMUNE_PARTY_DEPUTY_SECRETARY'], ['peoplesCommittee', 'COMMUNE_COMMITTEE_CHAIR'],
  ['council', 'COMMUNE_COUNCIL_VICE_CHAIR'], ['front', 'COMMUNE_FRONT_CHAIR'], ['peoplesCommittee', 'COMMUNE_COMMITTEE_VICE_CHAIR'],
  ['mass0', 'COMMUNE_YOUTH_SECRETARY'], ['mass1', 'COMMUNE_WOMEN_CHAIR'], ['mass2', 'COMMUNE_FARMERS_CHAIR'], ['mass3', 'COMMUNE_VETERANS_CHAIR'],
  ['peoplesCommittee', 'COMMUNE_MILITARY_COMMANDER'], ['peoplesCommittee', 'COMMUNE_COMMITTEE_VICE_CHAIR'],
  ...repeat(2, ['peoplesCommittee', 'COMMUNE_OFFICE_STATISTICS']), ...repeat(2, ['peoplesCommittee', 'COMMUNE_LAND_CONSTRUCTION']),
  ...repeat(2, ['peoplesCommittee', 'COMMUNE_FINANCE_ACCOUNTING']), ...repeat(2, ['peoplesCommittee', 'COMMUNE_JUSTICE_CIVIL_STATUS']),
  ...repeat(2, ['peoplesCommittee', 'COMMUNE_CULTURE_SOCIAL']), ['committee', 'COMMUNE_PARTY_COMMITTEE_MEMBER'], ['council', 'COMMUNE_COUNCIL_CHAIR'],
];

/** A district's or province's leaders; the rest of its people are department staff. */
function leadersOf(tier, departments) {
  const t = tier;
  return [
    ['committee', `${t}_PARTY_SECRETARY`], ...repeat(2, ['committee', `${t}_PARTY_DEPUTY_SECRETARY`]), ['council', `${t}_COUNCIL_CHAIR`],
    ['peoplesCommittee', `${t}_COMMITTEE_CHAIR`], ...repeat(3, ['peoplesCommittee', `${t}_COMMITTEE_VICE_CHAIR`]), ['front', `${t}_FRONT_CHAIR`],
    ...repeat(6, ['committee', `${t}_STANDING_COMMITTEE_MEMBER`]), ...[0, 1, 2, 3].map((m) => [`mass${m}`, `${t}_MASS_ORGANIZATION_CHAIR`]),
    ...Array.from({ length: departments }, (_, d) => [`department${d}`, `${t}_DEPARTMENT_HEAD`]),
    ...Array.from({ length: departments * 2 }, (_, d) => [`department${d % departments}`, `${t}_DEPARTMENT_DEPUTY_HEAD`]),
    ...repeat(20, ['committee', `${t}_PARTY_COMMITTEE_MEMBER`]),
  ];
}

/** Codes this generator uses that personnel's title catalogue does not list. */
export const TITLES_OUTSIDE_CATALOGUE = new Set([
  ...leadersOf('PROVINCE', 1).map(([, title]) => title), 'PROVINCE_SPECIALIST', 'PROVINCE_OFFICE_STAFF',
  'DISTRICT_MASS_ORGANIZATION_CHAIR', 'PUBLIC_SERVICE_UNIT_HEAD', 'PUBLIC_SERVICE_UNIT_DEPUTY_HEAD', 'PUBLIC_SERVICE_UNIT_PROFESSIONAL',
]);

/** The post at position `slot` of a unit's full-scale list. */
function postAt(tier, slot, departments) {
  if (tier === 'COMMUNE') return COMMUNE_POSTS[slot % COMMUNE_POSTS.length];
  if (tier === 'PUBLIC_SERVICE_UNIT') {
    if (slot === 0) return ['self', 'PUBLIC_SERVICE_UNIT_HEAD'];
    return slot <= 2 ? ['self', 'PUBLIC_SERVICE_UNIT_DEPUTY_HEAD'] : ['self', 'PUBLIC_SERVICE_UNIT_PROFESSIONAL'];
  }
  const leaders = leadersOf(tier, departments);
  if (slot < leaders.length) return leaders[slot];
  const rest = slot - leaders.length;
  return [`department${rest % departments}`, rest % 7 === 6 ? `${tier}_OFFICE_STAFF` : `${tier}_SPECIALIST`];
}

/**
 * The `c`-th person of a tier with `total` people over `places` places (units or public service
 * units) whose full-scale list has `full` posts: place c mod n, and the k-th of its people takes
 * an evenly spaced post of the full list, shifted per place (`shift` in [0, 1)).
 */
export function placeOf(tier, c, total, places, full, shift, departments) {
  const n = places;
  const place = c % n;
  const k = Math.floor(c / n);
  const here = Math.floor(total / n) + (place < total % n ? 1 : 0);
  const slot = here >= full ? k : Math.floor(((k + shift) * full) / here);
  const [body, titleCode] = postAt(tier, slot, departments);
  return { place, body, titleCode };
}

/** Category of a post: elected and appointed leaders of unit bodies are cadres; department and commune staff civil servants. */
export function categoryOf(tier, titleCode, body) {
  if (tier === 'PUBLIC_SERVICE_UNIT') return 'PUBLIC_EMPLOYEE';
  if (body.startsWith('department') || /_(SPECIALIST|OFFICE_STAFF|MILITARY_COMMANDER|OFFICE_STATISTICS|LAND_CONSTRUCTION|FINANCE_ACCOUNTING|JUSTICE_CIVIL_STATUS|CULTURE_SOCIAL)$/.test(titleCode)) return 'CIVIL_SERVANT';
  return 'CADRE';
}

/** Share of each category in the Party (most cadres, part of the others). */
export const PARTY_SHARE = { CADRE: 0.97, CIVIL_SERVANT: 0.62, PUBLIC_EMPLOYEE: 0.38 };

export const isLeader = (titleCode) => /_(CHAIR|VICE_CHAIR|SECRETARY|DEPUTY_SECRETARY|HEAD|DEPUTY_HEAD|COMMANDER)$/.test(titleCode);
