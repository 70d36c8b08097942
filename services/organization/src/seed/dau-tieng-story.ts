import { randomUUID } from 'node:crypto';
import { systemActor, writeDated } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { MassOrganizationType, OrganizationBase, OrganizationKind } from '../organization/organization.entity';
import { insertOrganizationVersions, type OrganizationRow } from '../organization/organization.writes';
import { carryOrphanedHoldings } from '../restructure/succession';
import { DEMO_CHANGE, DEMO_TERRITORY } from './demo-territory';

/**
 * The seed story's political system of Huyện Dầu Tiếng. The published figures are real (22
 * grassroots Party organizations when the district was re-established in 1999, 51 in September
 * 2013); the individual organizations are illustrative, chosen to match them.
 */
const COMMUNES: Array<[string, string]> = [
  ['25777', 'thị trấn Dầu Tiếng'],
  ['25780', 'xã Minh Hoà'],
  ['25783', 'xã Minh Thạnh'],
  ['25786', 'xã Minh Tân'],
  ['25789', 'xã Định An'],
  ['25792', 'xã Long Hoà'],
  ['25795', 'xã Định Thành'],
  ['25798', 'xã Định Hiệp'],
  ['25801', 'xã An Lập'],
  ['25804', 'xã Long Tân'],
  ['25807', 'xã Thanh An'],
  ['25810', 'xã Thanh Tuyền'],
];

const DISTRICT_GRASSROOTS_1999 = [
  'Đảng bộ Quân sự huyện',
  'Đảng bộ Công an huyện',
  'Chi bộ cơ sở Cơ quan Huyện ủy',
  'Chi bộ cơ sở Cơ quan Ủy ban nhân dân huyện',
  'Chi bộ cơ sở Cơ quan Mặt trận và các đoàn thể huyện',
  'Chi bộ cơ sở Bệnh viện huyện',
  'Chi bộ cơ sở Trường Trung học phổ thông Dầu Tiếng',
  'Chi bộ cơ sở Viện Kiểm sát nhân dân huyện',
  'Chi bộ cơ sở Tòa án nhân dân huyện',
  'Chi bộ cơ sở Ngân hàng Nông nghiệp huyện',
];

const DISTRICT_GRASSROOTS_LATER = [
  'Chi bộ cơ sở Trung tâm Y tế huyện',
  'Chi bộ cơ sở Chi cục Thuế huyện',
  'Chi bộ cơ sở Kho bạc Nhà nước huyện',
  'Chi bộ cơ sở Phòng Giáo dục và Đào tạo',
  'Chi bộ cơ sở Trường Trung học phổ thông Thanh Tuyền',
  'Chi bộ cơ sở Trường Trung học phổ thông Phan Bội Châu',
  'Chi bộ cơ sở Trung tâm Giáo dục thường xuyên huyện',
  'Chi bộ cơ sở Bưu điện huyện',
  'Chi bộ cơ sở Điện lực Dầu Tiếng',
  'Chi bộ cơ sở Chi nhánh Ngân hàng Chính sách xã hội huyện',
  'Chi bộ cơ sở Trung tâm Văn hóa - Thể thao huyện',
  'Chi bộ cơ sở Ban Quản lý dự án huyện',
  'Chi bộ cơ sở Hạt Kiểm lâm huyện',
  'Chi bộ cơ sở Chi cục Thi hành án dân sự huyện',
  'Chi bộ cơ sở Trường Trung cấp nghề Dầu Tiếng',
  'Chi bộ cơ sở Công ty Cổ phần Cấp thoát nước Dầu Tiếng',
  'Chi bộ cơ sở Trung tâm Bồi dưỡng chính trị huyện',
];

const row = (unitCode: string, kind: OrganizationKind, name: string, validFrom: string, extra: Partial<OrganizationRow> = {}): OrganizationRow => ({
  id: randomUUID(),
  unitCode,
  parentId: null,
  kind,
  subtype: null,
  base: OrganizationBase.UNIT,
  name,
  validFrom,
  ...extra,
});

/** A Party organization and the committee it elects (which belongs to it). */
function partyWithCommittee(unitCode: string, organization: string, committee: string, validFrom: string, parentId: string | null = null): OrganizationRow[] {
  const party = row(unitCode, OrganizationKind.PARTY_ORGANIZATION, organization, validFrom, { parentId });
  return [party, row(unitCode, OrganizationKind.PARTY_COMMITTEE, committee, validFrom, { parentId: party.id })];
}

/** The city's, the province's and the district's Party organizations with their committees, and the district's State bodies. */
function aboveTheCommunes(): { rows: OrganizationRow[]; district: OrganizationRow } {
  const city = partyWithCommittee(DEMO_TERRITORY.city, 'Đảng bộ Thành phố Hồ Chí Minh', 'Thành ủy Thành phố Hồ Chí Minh', DEMO_TERRITORY.cityFrom);
  const province = partyWithCommittee(DEMO_TERRITORY.province, 'Đảng bộ tỉnh Bình Dương', 'Tỉnh ủy Bình Dương', DEMO_TERRITORY.provinceFrom);
  const [district, districtCommittee] = partyWithCommittee('720', 'Đảng bộ huyện Dầu Tiếng', 'Huyện ủy Dầu Tiếng', '1999-01-01', province[0].id);
  const state = [
    row('720', OrganizationKind.PEOPLES_COUNCIL, 'Hội đồng nhân dân huyện Dầu Tiếng', '1999-01-01'),
    row('720', OrganizationKind.PEOPLES_COMMITTEE, 'Ủy ban nhân dân huyện Dầu Tiếng', '1999-01-01'),
    row('720', OrganizationKind.FATHERLAND_FRONT, 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện Dầu Tiếng', '1999-01-01'),
  ];
  return { rows: [...city, ...province, district, districtCommittee, ...state], district };
}

/** Each commune's Party organization with its committee, its People's Committee and Farmers' Union, and its school's Party cell. */
function communeBodies(district: OrganizationRow): OrganizationRow[] {
  return COMMUNES.flatMap(([code, name], index) => {
    const party = row(code, OrganizationKind.PARTY_GRASSROOTS, `Đảng bộ ${name}`, '1999-01-01', { parentId: district.id });
    const place = name.replace(/^(xã|thị trấn) /, '');
    return [
      party,
      row(code, OrganizationKind.PARTY_COMMITTEE, `Đảng ủy ${name}`, '1999-01-01', { parentId: party.id }),
      row(code, OrganizationKind.PEOPLES_COMMITTEE, `Ủy ban nhân dân ${name}`, '1999-01-01'),
      row(code, OrganizationKind.MASS_ORGANIZATION, `Hội Nông dân ${name}`, '1999-01-01', { subtype: MassOrganizationType.FARMERS_UNION }),
      row(code, OrganizationKind.PARTY_GRASSROOTS, `Chi bộ cơ sở Trường Trung học cơ sở ${place}`, `${2001 + index}-03-01`, {
        parentId: district.id,
        base: OrganizationBase.INSTITUTION,
      }),
    ];
  });
}

/** The whole story: what stood in 1999 and the grassroots organizations founded up to 2013. */
export function dauTiengOrganizations(): OrganizationRow[] {
  const { rows, district } = aboveTheCommunes();
  const agency = (name: string, validFrom: string) =>
    row('720', OrganizationKind.PARTY_GRASSROOTS, name, validFrom, { parentId: district.id, base: OrganizationBase.INSTITUTION });
  return [
    ...rows,
    ...communeBodies(district),
    ...DISTRICT_GRASSROOTS_1999.map((name) => agency(name, '1999-01-01')),
    ...DISTRICT_GRASSROOTS_LATER.map((name, index) => agency(name, `${2000 + Math.floor((index * 13) / 17)}-03-01`)),
  ];
}

/**
 * Records the story once, through the organizations' owner (nothing when the district already
 * has organizations), then carries what lies in units that have since ceased to their
 * successors, so the story ends the same whether the national load ran before or after it.
 */
export async function seedDauTiengStory(dataSource: DataSource): Promise<number> {
  const inserted = await writeDated(dataSource, { actor: systemActor('seed'), operation: 'seedDauTiengStory', change: DEMO_CHANGE }, async (write) => {
    const [{ present }] = await write.manager.query("SELECT count(*)::int AS present FROM organization WHERE unit_code = '720'");
    const organizations = present > 0 ? [] : dauTiengOrganizations();
    if (organizations.length === 0) write.unchanged();
    const paths: Array<{ code: string; path: string }> = await write.manager.query(
      'SELECT DISTINCT ON (code) code, path::text AS path FROM administrative_unit WHERE code = ANY($1::text[]) ORDER BY code, valid_from',
      [[...new Set(organizations.map((organization) => organization.unitCode))]],
    );
    write.about({ type: 'Organization', id: '720', label: 'Hệ thống chính trị huyện Dầu Tiếng (dữ liệu mẫu) / demo story', unitCode: '720', unitPaths: paths.map((unit) => unit.path) });
    write.after({ organizations: organizations.length });
    return insertOrganizationVersions(write, organizations, new Map(paths.map((unit) => [unit.code, unit.path])));
  });
  if (inserted > 0) await carryOrphanedHoldings(dataSource);
  return inserted;
}
