import { byCode, threeTierTree, twoTierTree } from './official-tree.parser';
import { classifyMapping, knownFaultCounts, type MappingRow } from './ward-mapping.parser';

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
const context = { threeTier: byCode(threeTier), twoTier: byCode(twoTier) };

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

describe('classifyMapping', () => {
  const rows = [
    row('06980', '06980'),
    row('06973', '06980'),
    row(null, '06990', { old_ward_name: 'Một phần xã Đồn Đạc' }),
    row('', '06990'),
    row(null, '06990', { old_ward_name: 'Một phần xã Đồn Đạc' }),
    row('06980', '06980'),
    row('99999', '06980'),
    row('06970', '06970', { new_ward_name: 'Xã Ba Chẽ', new_province_name: 'Quảng Ninh' }),
  ];
  const { pairs, faults } = classifyMapping(rows, context);

  it('places rows whose two codes are communes of their lists, once per pair', () => {
    expect(pairs).toEqual([
      { predecessor: '06980', successor: '06980' },
      { predecessor: '06973', successor: '06980' },
    ]);
  });

  it('reports every other row with its index and the first reason that applies', () => {
    expect(faults.map((f) => [f.row, f.reason])).toEqual([
      [2, 'MAPPING_OLD_CODE_MISSING'],
      [3, 'MAPPING_OLD_CODE_MISSING'],
      [4, 'MAPPING_OLD_CODE_MISSING'],
      [5, 'MAPPING_DUPLICATE_PAIR'],
      [6, 'MAPPING_OLD_CODE_UNKNOWN'],
      [7, 'MAPPING_NEW_CODE_UNKNOWN'],
    ]);
    expect(faults[2].detail).toMatchObject({ duplicateOfRow: 2, old_ward_name: 'Một phần xã Đồn Đạc' });
  });

  it('names a look-alike for a stale new code but does not use it', () => {
    const stale = faults.find((f) => f.reason === 'MAPPING_NEW_CODE_UNKNOWN');
    expect(stale?.detail).toMatchObject({ new_ward_code: '06970', newCodeInTwoTier: false, lookAlikes: ['06978'] });
    expect(pairs.some((pair) => pair.successor === '06978')).toBe(false);
  });
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
