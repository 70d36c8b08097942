import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_FILES, readThreeTierFile, threeTierTree, twoTierTree, type ThreeTierFile } from './official-tree.parser';
import { TerritoryDataFileError } from './territory-load.errors';

const ward = (Code: string, FullName: string, DistrictCode: string) => ({ Code, FullName, DistrictCode });

const dauTieng: ThreeTierFile = [
  {
    Code: '74',
    FullName: 'Tỉnh Bình Dương',
    District: [
      {
        Code: '720',
        FullName: 'Huyện Dầu Tiếng',
        ProvinceCode: '74',
        Ward: [ward('25801', 'Xã An Lập', '720'), ward('25807', ' Xã Thanh An ', '720')],
      },
      { Code: '755', FullName: 'Huyện Côn Đảo', ProvinceCode: '74', Ward: null },
    ],
  },
];

describe('threeTierTree', () => {
  it('places province → district → commune with code paths, trimming names', () => {
    const tree = threeTierTree(dauTieng);
    expect(tree.units.map((u) => [u.code, u.tier, u.parentCode, u.path])).toEqual([
      ['74', 'PROVINCE', null, '74'],
      ['720', 'DISTRICT', '74', '74.720'],
      ['25801', 'COMMUNE', '720', '74.720.25801'],
      ['25807', 'COMMUNE', '720', '74.720.25807'],
      ['755', 'DISTRICT', '74', '74.755'],
    ]);
    expect(tree.units[3].name).toBe('Xã Thanh An');
  });

  it('loads a district with Ward: null and notes it', () => {
    const tree = threeTierTree(dauTieng);
    expect(tree.faults).toEqual([expect.objectContaining({ reason: 'TREE_DISTRICT_WITHOUT_COMMUNES', code: '755' })]);
  });

  it('skips, with a reason each, what it cannot place — and the children of a skipped parent', () => {
    const faulty: ThreeTierFile = [
      {
        Code: '74',
        FullName: 'Tỉnh Bình Dương',
        District: [
          { Code: '72', FullName: 'Huyện Sai Mã', ProvinceCode: '74', Ward: [ward('25899', 'Xã Con', '72')] },
          {
            Code: '720',
            FullName: 'Huyện Dầu Tiếng',
            ProvinceCode: '74',
            Ward: [ward('25801', '  ', '720'), ward('25804', 'Xã Long Tân', '999'), ward('25807', 'Xã Thanh An', '720'), ward('25807', 'Xã Lặp', '720')],
          },
        ],
      },
    ];
    const tree = threeTierTree(faulty);
    expect(tree.units.map((u) => u.code)).toEqual(['74', '720', '25807']);
    expect(tree.faults.map((f) => [f.reason, f.code])).toEqual([
      ['TREE_INVALID_CODE', '72'],
      ['TREE_PARENT_NOT_PLACED', '25899'],
      ['TREE_BLANK_NAME', '25801'],
      ['TREE_PARENT_MISMATCH', '25804'],
      ['TREE_DUPLICATE_CODE', '25807'],
    ]);
    expect(tree.faults[3].detail).toMatchObject({ statedParent: '999', containingParent: '720' });
  });
});

describe('twoTierTree', () => {
  it('places communes straight under their province', () => {
    const tree = twoTierTree([
      { Code: '79', FullName: 'Thành phố Hồ Chí Minh', Wards: [{ Code: '25807', FullName: 'Xã Thanh An', ProvinceCode: '79' }] },
    ]);
    expect(tree.units.map((u) => [u.code, u.parentCode, u.path])).toEqual([
      ['79', null, '79'],
      ['25807', '79', '79.25807'],
    ]);
    expect(tree.faults).toEqual([]);
  });
});

describe('reading data files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'territory-load-'));

  it('refuses a missing file with a typed error', () => {
    expect(() => readThreeTierFile(join(folder, 'nowhere'))).toThrow(TerritoryDataFileError);
  });

  it('refuses a file whose shape is not the documented one, naming where', () => {
    writeFileSync(join(folder, DATA_FILES.threeTier), JSON.stringify([{ Code: '74', FullName: 'Tỉnh Bình Dương' }]));
    expect(() => readThreeTierFile(folder)).toThrow(/0\.District/);
  });
});
