import { threeTierTree, twoTierTree } from './official-tree.parser';
import { knownFaultCounts, type MappingRow } from './ward-mapping.parser';

const threeTier = threeTierTree([
  {
    Code: '22',
    FullName: 'Tỉnh Quảng Ninh',
    District: [
      {
        Code: '201',
        FullName: 'Huyện Ba Chẽ',
        ProvinceCode: '22',
        Ward: ['06970', '06973', '06980', '06990'].map((Code) => ({ Code, FullName: `Xã ${Code}`, DistrictCode: '201' })),
      },
      { Code: '203', FullName: 'Huyện Đảo', ProvinceCode: '22', Ward: null },
    ],
  },
]);
const twoTier = twoTierTree([
  {
    Code: '22',
    FullName: 'Tỉnh Quảng Ninh',
    Wards: [
      { Code: '06978', FullName: 'Xã Ba Chẽ', ProvinceCode: '22' },
      { Code: '06980', FullName: 'Xã Nam Sơn', ProvinceCode: '22' },
      { Code: '06990', FullName: 'Xã Đồn Đạc', ProvinceCode: '22' },
    ],
  },
]);

const row = (old: string | null, next: string, extra: Partial<MappingRow> = {}): MappingRow => ({
  old_ward_code: old,
  old_ward_name: old ? `Xã ${old}` : null,
  old_district_name: null,
  old_province_name: null,
  new_ward_code: next,
  new_ward_name: null,
  new_province_name: null,
  ...extra,
});

describe('knownFaultCounts', () => {
  it('counts the README categories, which overlap', () => {
    const rows = [
      row('06970', '06978'),
      row('06973', '06980'),
      row('06973', '06990'),
      row(null, '157'),
      row(null, '157'),
      row('', '06990'),
    ];
    expect(knownFaultCounts(rows, threeTier, twoTier)).toEqual({
      mappingRows: 6,
      rowsWithoutOldCode: 3,
      duplicatePairRows: 1,
      oldCommunesSplit: 1,
      newCodesNotInTwoTier: 1,
      rowsWithNewCodeNotInTwoTier: 2,
      newCommunesWithoutMappingRow: [],
      oldCommunesWithoutMappingRow: ['06980', '06990'],
      districtsWithoutCommunes: ['203'],
    });
  });
});
