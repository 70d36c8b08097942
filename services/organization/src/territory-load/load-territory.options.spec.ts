import { parseLoadTerritoryArgs } from './load-territory.options';
import { TerritoryLoadOptionError } from './territory-load.errors';

describe('parseLoadTerritoryArgs', () => {
  it('loads both trees, the snapshot taken to hold from 2024-01-01, when nothing is given', () => {
    expect(parseLoadTerritoryArgs([])).toEqual({ threeTierFrom: '2024-01-01', only: null, report: null });
  });

  it('reads the flags, also after a leading --', () => {
    expect(parseLoadTerritoryArgs(['--', '--three-tier-from', '2024-01-01', '--only', 'two-tier', '--report', 'r.json'])).toEqual({
      threeTierFrom: '2024-01-01',
      only: 'two-tier',
      report: 'r.json',
    });
  });

  it.each([
    ['an unknown flag', ['--dry-run']],
    ['a date that does not exist', ['--three-tier-from', '2024-02-30']],
    ['a snapshot from the reorganization on', ['--three-tier-from', '2025-07-01']],
    ['an unknown tree', ['--only', 'district']],
    ['a stray argument', ['two-tier']],
  ])('refuses %s with a typed, bilingual error', (_case, argv) => {
    expect(() => parseLoadTerritoryArgs(argv)).toThrow(TerritoryLoadOptionError);
    expect(() => parseLoadTerritoryArgs(argv)).toThrow(/ \/ Invalid arguments/);
  });
});
