// The organizations of the political system, unit by unit: what a 2024 province, district and
// commune holds, the public service units they host, and the same bodies for the units of the
// 2026 list whose code the 2024 list lacks (from 2025-07-01), so the 2025 replay finds a
// counterpart for every closing body.
import { foldText } from '@ps/service-kit';
import { idsOf, streamOf } from './determinism.mjs';

export const THREE_TIER_FROM = '2024-01-01';
export const TWO_TIER_FROM = '2025-07-01';

const MASS = [
  ['YOUTH_UNION', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
  ['WOMENS_UNION', 'Hội Liên hiệp Phụ nữ'],
  ['FARMERS_UNION', 'Hội Nông dân'],
  ['VETERANS_ASSOCIATION', 'Hội Cựu chiến binh'],
];
export const DEPARTMENTS = {
  PROVINCE: [
    'Văn phòng Ủy ban nhân dân', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Tư pháp', 'Sở Xây dựng', 'Sở Công Thương',
    'Sở Nông nghiệp và Môi trường', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch',
    'Sở Khoa học và Công nghệ', 'Sở Kế hoạch và Đầu tư', 'Sở Dân tộc và Tôn giáo', 'Sở Ngoại vụ', 'Thanh tra',
  ],
  DISTRICT: [
    'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 'Phòng Nội vụ', 'Phòng Tài chính – Kế hoạch', 'Phòng Tư pháp', 'Phòng Kinh tế',
    'Phòng Tài nguyên và Môi trường', 'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Phòng Văn hóa và Thông tin', 'Thanh tra',
  ],
  COMMUNE: [],
};
/** Public service units a unit of each tier may host (schools, health); at scale s each exists with probability s. */
const PUBLIC_SERVICE_UNITS = {
  PROVINCE: ['Bệnh viện Đa khoa', 'Trường Cao đẳng', 'Trường Trung học phổ thông chuyên', 'Trung tâm Kiểm soát bệnh tật', 'Bệnh viện Y dược cổ truyền', 'Đài Phát thanh và Truyền hình'],
  DISTRICT: ['Trung tâm Y tế', 'Trường Trung học phổ thông', 'Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên'],
  COMMUNE: ['Trường Mầm non', 'Trường Tiểu học', 'Trường Trung học cơ sở', 'Trạm Y tế'],
};

const lowerFirst = (name) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * Every organization, in a fixed order (units by path, bodies in a fixed order), each
 * `{ index, id, unitCode, unitTier, parentId, kind, subtype, base, name, searchName, validFrom }`;
 * `units2024` and `units2026New` are `{ code, name, tier, parentCode, path }`.
 */
export function planOrganizations({ seed, scale, units2024, units2026New }) {
  const idOf = idsOf(seed, 'organization');
  const chance = streamOf(seed, 'public-service-unit');
  const organizations = [];
  const bodiesByUnit = new Map();
  const add = (unit, validFrom, kind, name, extra = {}) => {
    const index = organizations.length;
    const org = { index, id: idOf(index), unitCode: unit.code, unitTier: unit.tier, parentId: null, kind, subtype: null, base: 'UNIT', name, validFrom, ...extra };
    org.searchName = foldText(org.name);
    organizations.push(org);
    return org;
  };
  const bodiesOf = (unit, validFrom, partyParent) => {
    const place = lowerFirst(unit.name);
    const bodies = { unit, departments: [], mass: [], publicServiceUnits: [] };
    const partyKind = unit.tier === 'COMMUNE' ? 'PARTY_GRASSROOTS' : 'PARTY_ORGANIZATION';
    bodies.party = add(unit, validFrom, partyKind, `Đảng bộ ${place}`, { parentId: partyParent?.id ?? null });
    bodies.committee = add(unit, validFrom, 'PARTY_COMMITTEE', `Ban Chấp hành Đảng bộ ${place}`, { parentId: bodies.party.id });
    bodies.council = add(unit, validFrom, 'PEOPLES_COUNCIL', `Hội đồng nhân dân ${place}`);
    bodies.peoplesCommittee = add(unit, validFrom, 'PEOPLES_COMMITTEE', `Ủy ban nhân dân ${place}`);
    for (const department of DEPARTMENTS[unit.tier]) {
      bodies.departments.push(add(unit, validFrom, 'DEPARTMENT', `${department} ${place}`, { parentId: bodies.peoplesCommittee.id }));
    }
    bodies.front = add(unit, validFrom, 'FATHERLAND_FRONT', `Ủy ban Mặt trận Tổ quốc Việt Nam ${place}`);
    for (const [subtype, title] of MASS) bodies.mass.push(add(unit, validFrom, 'MASS_ORGANIZATION', `${title} ${place}`, { subtype }));
    bodiesByUnit.set(unit.code, bodies);
    return bodies;
  };

  const sorted = [...units2024].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const unit of sorted) {
    const parentBodies = unit.parentCode ? bodiesByUnit.get(unit.parentCode) : undefined;
    const bodies = bodiesOf(unit, THREE_TIER_FROM, parentBodies?.party);
    PUBLIC_SERVICE_UNITS[unit.tier].forEach((kindName, position) => {
      // A province always keeps its first (its general hospital): public employees need somewhere to work at any scale.
      const kept = (unit.tier === 'PROVINCE' && position === 0) || chance(bodies.party.index * 8 + position).next() < scale;
      if (!kept) return;
      const org = add(unit, THREE_TIER_FROM, 'PUBLIC_SERVICE_UNIT', `${kindName} ${lowerFirst(unit.name)}`, { base: 'INSTITUTION', parentId: bodies.peoplesCommittee.id });
      bodies.publicServiceUnits.push(org);
    });
  }
  // 2026 units with a code of their own: a commune's Party organization sits directly under its province's.
  const sortedNew = [...units2026New].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const unit of sortedNew) bodiesOf(unit, TWO_TIER_FROM, unit.parentCode ? bodiesByUnit.get(unit.parentCode)?.party : undefined);
  return { organizations, bodiesByUnit };
}
