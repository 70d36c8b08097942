import { fault, faultSummary } from './territory-load.faults';
import { defaultReportFile, reportSummary, tierCounts, type TerritoryLoadReport } from './territory-load.report';

const faults = [
  fault('MAPPING_NEW_CODE_UNKNOWN', 'ward-mapping-2025.json', {}, { row: 9 }),
  fault('MAPPING_OLD_CODE_MISSING', 'ward-mapping-2025.json', {}, { row: 1 }),
  fault('MAPPING_OLD_CODE_MISSING', 'ward-mapping-2025.json', {}, { row: 2 }),
];

describe('faultSummary', () => {
  it('counts faults per reason in catalogue order, with what the loader did', () => {
    expect(faultSummary(faults).map((group) => [group.reason, group.effect, group.count])).toEqual([
      ['MAPPING_OLD_CODE_MISSING', 'SKIPPED', 2],
      ['MAPPING_NEW_CODE_UNKNOWN', 'SKIPPED', 1],
    ]);
  });
});

describe('reportSummary', () => {
  it('prints per tree what changed and the faults grouped by reason', () => {
    const counts = tierCounts([]);
    const report: TerritoryLoadReport = {
      startedAt: '2026-01-01T00:00:00.000Z',
      options: { threeTierFrom: '2025-01-01', only: 'three-tier' },
      trees: [
        {
          tree: 'three-tier',
          validFrom: '2025-01-01',
          inserted: { ...counts, PROVINCE: 63 },
          alreadyPresent: counts,
          closed: counts,
          organizationsEnded: 0,
          lineage: { added: 0, byKind: {} },
          events: { UnitCreated: 63 },
          rowsWritten: 63,
          seconds: 0.5,
          rowsPerSecond: 126,
        },
      ],
      knownFaults: {
        mappingRows: 0,
        rowsWithoutOldCode: 0,
        duplicatePairRows: 0,
        oldCommunesSplit: 0,
        newCodesNotInTwoTier: 0,
        rowsWithNewCodeNotInTwoTier: 0,
        newCommunesWithoutMappingRow: [],
        oldCommunesWithoutMappingRow: [],
        districtsWithoutCommunes: [],
      },
      faults,
    };
    const text = reportSummary(report, '/tmp/report.json');
    expect(text).toMatch(/three-tier \(từ 2025-01-01\): thêm 63 tỉnh/);
    expect(text).toMatch(/126 dòng\/s/);
    expect(text).toMatch(/\s2 {2}MAPPING_OLD_CODE_MISSING \[SKIPPED\]/);
    expect(text).toMatch(/\/tmp\/report\.json/);
  });
});

describe('defaultReportFile', () => {
  it('lands under .local/territory-load at the repository root, named after the start time', () => {
    expect(defaultReportFile('2026-01-01T10:20:30.400Z')).toMatch(/\/\.local\/territory-load\/report-2026-01-01T10-20-30-400Z\.json$/);
    expect(defaultReportFile('2026-01-01T10:20:30.400Z')).not.toMatch(/services\/organization/);
  });
});
