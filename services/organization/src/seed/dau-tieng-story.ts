import { randomUUID } from 'node:crypto';
import { foldText } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';

/**
 * The seed story's Party organizations of Huyện Dầu Tiếng. The published figures are real
 * (22 grassroots Party organizations when the district was re-established in 1999, 51 in
 * September 2013); the individual organizations below are illustrative, chosen to match them.
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

/** Grassroots organizations founded between 1999 and 2013, with the year each began. */
const FOUNDED_LATER: Array<[number, string, string]> = [
  ...COMMUNES.map(([code, name], index): [number, string, string] => [2001 + index, code, `Chi bộ cơ sở Trường Trung học cơ sở ${name.replace(/^(xã|thị trấn) /, '')}`]),
  ...[
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
  ].map((name, index): [number, string, string] => [2000 + Math.floor((index * 13) / 17), '720', name]),
];

interface SeedOrganization {
  unitCode: string;
  kind: string;
  name: string;
  parentId: string | null;
  validFrom: string;
}

/** The district's political system in 1999 and the grassroots organizations that followed. */
export function dauTiengOrganizations(): Array<SeedOrganization & { id: string }> {
  const committee = { id: randomUUID(), unitCode: '720', kind: 'PARTY_COMMITTEE', name: 'Đảng bộ huyện Dầu Tiếng', parentId: null, validFrom: '1999-01-01' };
  const state = [
    ['PEOPLES_COUNCIL', 'Hội đồng nhân dân huyện Dầu Tiếng'],
    ['PEOPLES_COMMITTEE', 'Ủy ban nhân dân huyện Dầu Tiếng'],
    ['FATHERLAND_FRONT', 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện Dầu Tiếng'],
  ].map(([kind, name]) => ({ id: randomUUID(), unitCode: '720', kind, name, parentId: null, validFrom: '1999-01-01' }));
  const grassroots = (unitCode: string, name: string, validFrom: string) => ({
    id: randomUUID(),
    unitCode,
    kind: 'PARTY_GRASSROOTS',
    name,
    parentId: committee.id,
    validFrom,
  });
  return [
    committee,
    ...state,
    ...COMMUNES.map(([code, name]) => grassroots(code, `Đảng bộ ${name}`, '1999-01-01')),
    ...DISTRICT_GRASSROOTS_1999.map((name) => grassroots('720', name, '1999-01-01')),
    ...FOUNDED_LATER.map(([year, code, name]) => grassroots(code, name, `${year}-03-01`)),
  ];
}

/** Inserts the story's organizations once (nothing when the district already has organizations). */
export async function seedDauTiengStory(manager: EntityManager): Promise<number> {
  const [{ present }] = await manager.query(
    "SELECT count(*)::int AS present FROM organization WHERE unit_code = '720'",
  );
  if (present > 0) return 0;
  const organizations = dauTiengOrganizations();
  await manager.query(
    `INSERT INTO organization (id, unit_code, parent_id, kind, name, search_name, valid_from, reason, created_by)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::date[],
                          $8::text[], $9::text[])`,
    [
      organizations.map((o) => o.id),
      organizations.map((o) => o.unitCode),
      organizations.map((o) => o.parentId),
      organizations.map((o) => o.kind),
      organizations.map((o) => o.name),
      organizations.map((o) => foldText(o.name)),
      organizations.map((o) => o.validFrom),
      organizations.map(() => 'Dữ liệu minh họa theo số liệu công bố / illustrative, matching the published figures'),
      organizations.map(() => 'system:seed'),
    ],
  );
  return organizations.length;
}
