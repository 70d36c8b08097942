import { threeTierTree, twoTierTree } from './official-tree.parser';
import type { MappingRow } from './ward-mapping.parser';
import { resolveMapping } from './ward-mapping.resolution';

const commune = (DistrictCode: string) => (Code: string, FullName: string) => ({ Code, FullName, DistrictCode });
const inDauTieng = commune('720');
const inBenCat = commune('722');

const threeTier = threeTierTree([
  {
    Code: '74',
    FullName: 'Tỉnh Bình Dương',
    District: [
      {
        Code: '720',
        FullName: 'Huyện Dầu Tiếng',
        ProvinceCode: '74',
        Ward: [inDauTieng('25792', 'Xã Long Hoà'), inDauTieng('25798', 'Xã Định Hiệp'), inDauTieng('25801', 'Xã An Lập'), inDauTieng('25807', 'Xã Thanh An')],
      },
      { Code: '722', FullName: 'Thị xã Bến Cát', ProvinceCode: '74', Ward: [inBenCat('25950', 'Phường 1'), inBenCat('25953', 'Phường 1')] },
    ],
  },
]);
const twoTier = twoTierTree([
  {
    Code: '79',
    FullName: 'Thành phố Hồ Chí Minh',
    Wards: [
      { Code: '25792', FullName: 'Xã Long Hoà', ProvinceCode: '79' },
      { Code: '25807', FullName: 'Xã Thanh An', ProvinceCode: '79' },
      { Code: '25900', FullName: 'Xã Bàu Bàng', ProvinceCode: '79' },
    ],
  },
  { Code: '80', FullName: 'Tỉnh Tây Ninh', Wards: [{ Code: '27000', FullName: 'Xã Tân Hưng', ProvinceCode: '80' }] },
]);

const HCM = 'Thành phố Hồ Chí Minh';
const coded = (old: string, next: string, newName: string, province = HCM): MappingRow => ({
  old_ward_code: old,
  old_ward_name: null,
  old_district_name: null,
  old_province_name: null,
  new_ward_code: next,
  new_ward_name: newName,
  new_province_name: province,
});
const named = (oldName: string | null, district: string, next: string, newName: string): MappingRow => ({
  ...coded('', next, newName),
  old_ward_code: null,
  old_ward_name: oldName,
  old_district_name: district,
  old_province_name: 'Tỉnh Bình Dương',
});

const rows: MappingRow[] = [
  coded('25801', '25807', 'Xã Thanh An'),
  coded('25798', '25807', 'Xã Thanh An'),
  named('Xã An Lập', 'Huyện Dầu Tiếng', '25807', 'Xã Thanh An'), // 2: the same link as row 0, by name
  named('Xã Long Hòa', 'Huyện Dầu Tiếng', '25900', 'Xã Bàu Bàng'), // 3: "Hòa" and "Hoà" fold alike
  named('Xã Long Hoà', 'Thị xã Bến Cát', '25900', 'Xã Bàu Bàng'), // 4: no such commune in that district
  named('Phường 1', 'Thị xã Bến Cát', '25900', 'Xã Bàu Bàng'), // 5: two of that name there
  named(null, '', '25900', 'Xã Bàu Bàng'), // 6
  coded('25792', '99999', 'Xã Long Hòa'), // 7: stale new code, the name is unique in the province
  coded('25807', '27000', 'Xã Thanh An'), // 8: a code of another province, the name is unique here
  coded('25807', '27000', 'Xã Không Có'), // 9
  coded('25807', '88888', 'Xã Không Có'), // 10
  coded('11111', '25807', 'Xã Thanh An'), // 11
  coded('25801', '25807', 'Xã Thanh An', 'Tỉnh Không Có'), // 12
  coded('25807', '25807', 'Xã Thanh An', 'Hồ Chí Minh'), // 13: the same link as row 8
  coded('25792', '27000', 'Xã Tân Hưng', 'Tây Ninh'), // 14
  named('Long Hoà', 'Huyện Dầu Tiếng', '25900', 'Xã Bàu Bàng'), // 15: exact names only, no look-alikes
];

describe('resolveMapping', () => {
  const resolved = resolveMapping({ threeTier, twoTier, rows });

  it('places each (old, new) link once, with every row that states it, in the province the row names', () => {
    expect(resolved.links.map((l) => [l.province, l.predecessor, l.successor, l.coded, l.rows])).toEqual([
      ['79', '25801', '25807', true, [0, 2]],
      ['79', '25798', '25807', true, [1]],
      ['79', '25792', '25900', false, [3]],
      ['79', '25792', '25792', true, [7]],
      ['79', '25807', '25807', true, [8, 13]],
      ['80', '25792', '27000', true, [14]],
    ]);
  });

  it('reports every other row with the first reason that applies, and repeats as duplicates of the first row', () => {
    expect(resolved.faults.map(({ province, fault }) => [fault.row, province, fault.reason])).toEqual([
      [2, '79', 'MAPPING_DUPLICATE_PAIR'],
      [4, '79', 'MAPPING_OLD_NAME_NOT_FOUND'],
      [5, '79', 'MAPPING_OLD_NAME_AMBIGUOUS'],
      [6, '79', 'MAPPING_OLD_COMMUNE_UNNAMED'],
      [9, '79', 'MAPPING_NEW_CODE_IN_OTHER_PROVINCE'],
      [10, '79', 'MAPPING_NEW_CODE_UNKNOWN'],
      [11, '79', 'MAPPING_OLD_CODE_UNKNOWN'],
      [12, null, 'MAPPING_NEW_PROVINCE_UNKNOWN'],
      [13, '79', 'MAPPING_DUPLICATE_PAIR'],
      [15, '79', 'MAPPING_OLD_NAME_NOT_FOUND'],
    ]);
    const detail = (row: number) => resolved.faults.find((f) => f.fault.row === row)?.fault.detail;
    expect(detail(2)).toMatchObject({ duplicateOfRow: 0, old_ward_name: 'Xã An Lập' });
    expect(detail(5)).toMatchObject({ oldNameMatches: ['25950', '25953'] });
    expect(detail(9)).toMatchObject({ newCodeProvince: '80', newNameMatches: [] });
  });

  it('lists every code it replaced by a name, for a person to check', () => {
    expect(resolved.nameResolutions.map((r) => [r.row, r.side, r.statedCode, r.resolvedCode])).toEqual([
      [2, 'OLD', null, '25801'],
      [3, 'OLD', null, '25792'],
      [7, 'NEW', '99999', '25792'],
      [8, 'NEW', '27000', '25807'],
    ]);
  });
});
