import { Tier } from '../unit/unit.entity';
import { arrangeCommunes, type CommuneArrangementInput } from './commune-arrangement.plan';
import type { OfficialUnit } from './official-tree.parser';
import type { CommuneStep } from './province-reorganization.steps';
import { decisionFor } from './reorganization.decisions';
import { createdBy } from './reorganization-order.plan';
import type { MappingLink } from './ward-mapping.resolution';

const oldCommune = (code: string, name = `Xã ${code}`): OfficialUnit => ({ code, name, tier: Tier.COMMUNE, parentCode: '720', path: `74.720.${code}` });
const newCommune = (code: string, name = `Xã ${code}`): OfficialUnit => ({ code, name, tier: Tier.COMMUNE, parentCode: '79', path: `79.${code}` });
let row = 0;
const link = (predecessor: string, successor: string, coded = true): MappingLink => ({ province: '79', predecessor, successor, coded, rows: [++row] });
const recorded = { decision: decisionFor('COMMUNE_ARRANGEMENT', '79', '2025-07-01')!, effectiveDate: '2025-07-01' };

function input(oldCommunes: OfficialUnit[], newCommunes: OfficialUnit[], links: MappingLink[], linkedElsewhere: string[] = []): CommuneArrangementInput {
  const linkedAnywhere = new Set([...links.map((l) => l.predecessor), ...linkedElsewhere]);
  return { province: '79', oldCommunes, newCommunes, links, linkedAnywhere, recorded };
}

/** A step in a few words, so a whole plan reads as one table. */
function brief(step: CommuneStep): string {
  switch (step.kind) {
    case 'MERGE':
      return `MERGE ${step.predecessors.join('+')} → ${step.successor.code}`;
    case 'REPLACE':
      return `REPLACE ${step.predecessor} → ${step.successor.code}`;
    case 'SPLIT':
      return `SPLIT ${step.predecessor} → ${step.successors.map((s) => s.code).join('+')}`;
    case 'CONTINUE':
      return `CONTINUE ${step.code}${step.renamed ? ` (was ${step.previousName})` : ''}`;
    case 'ESTABLISH':
      return `ESTABLISH ${step.successor.code}`;
    case 'DISSOLVE':
      return `DISSOLVE ${step.code}`;
  }
}

describe('arrangeCommunes', () => {
  row = 0;
  const dauTieng = input(
    ['25777', '25780', '25783', '25786', '25789', '25792', '25795', '25798', '25801', '25804', '25807', '25810', '25816', '25819'].map((code) =>
      oldCommune(code, code === '25777' ? 'Thị trấn Dầu Tiếng' : undefined),
    ),
    [
      newCommune('25777', 'Xã Dầu Tiếng'),
      ...['25781', '25783', '25795', '25807', '25810', '25811', '25812', '25813', '25814', '26732'].map((code) => newCommune(code)),
    ],
    [
      link('25777', '25777'), // 1
      link('25780', '25781'), // 2
      link('25789', '25795'), // 3
      link('25795', '25795'), // 4
      link('25789', '25777', false), // 5: part of Định An goes to Dầu Tiếng
      link('25798', '25807'), // 6
      link('25801', '25807'), // 7
      link('25807', '25807'), // 8
      link('25810', '25810'), // 9
      link('25804', '25810', false), // 10: Long Tân, only ever named, is divided…
      link('25804', '25811', false), // 11
      link('25786', '25812', false), // 12: …and so are Minh Tân…
      link('25786', '25813', false), // 13
      link('25792', '25813', false), // 14: …and Long Hoà, whose halves form 25813 together
      link('25792', '25814', false), // 15
    ],
    ['25819'],
  );
  const plan = arrangeCommunes(dauTieng);

  it('gives every new commune exactly one step, sorted by the code it forms', () => {
    expect(plan.steps.map(brief)).toEqual([
      'CONTINUE 25777 (was Thị trấn Dầu Tiếng)',
      'REPLACE 25780 → 25781',
      'CONTINUE 25783',
      'MERGE 25789+25795 → 25795',
      'MERGE 25798+25801+25807 → 25807',
      'CONTINUE 25810',
      'SPLIT 25804 → 25811',
      'SPLIT 25786 → 25812+25813',
      'SPLIT 25792 → 25814',
      'DISSOLVE 25816',
      'ESTABLISH 26732',
    ]);
    const formed = plan.steps.flatMap((step) => (step.kind === 'CONTINUE' ? [step.code] : createdBy(step)));
    expect(formed.sort()).toEqual(dauTieng.newCommunes.map((unit) => unit.code));
  });

  it('records a part of an old commune joining a commune another step forms as a boundary adjustment', () => {
    expect(plan.boundaryAdjustments.map((a) => [a.from, a.to, a.rows])).toEqual([
      ['25789', '25777', [5]],
      ['25804', '25810', [10]],
      ['25792', '25813', [14]],
    ]);
  });

  it('expects each new commune with every old commune it comes from, adjustments included', () => {
    const predecessors = new Map(plan.expected.map((e) => [e.code, e.predecessors]));
    expect(predecessors.get('25777')).toEqual(['25777', '25789']);
    expect(predecessors.get('25807')).toEqual(['25798', '25801', '25807']);
    expect(predecessors.get('25810')).toEqual(['25804', '25810']);
    expect(predecessors.get('25813')).toEqual(['25786', '25792']);
    expect(predecessors.get('25783')).toEqual(['25783']);
    expect(predecessors.get('26732')).toEqual([]);
    expect(plan.expected.every((e) => e.parentCode === '79')).toBe(true);
  });

  it('says which steps rest on the official lists rather than on a mapping row', () => {
    expect(plan.faults.map((f) => [f.reason, f.code])).toEqual([
      ['COMMUNE_CONTINUES_WITHOUT_MAPPING_ROW', '25783'],
      ['COMMUNE_WITHOUT_PREDECESSOR', '26732'],
      ['CLOSED_WITHOUT_SUCCESSOR', '25816'],
    ]);
  });

  it('carries the rows each step rests on', () => {
    const rowsOf = (kind: string, code: string) => plan.steps.find((s) => brief(s).startsWith(kind) && brief(s).includes(code))?.rows;
    expect(rowsOf('MERGE', '25807')).toEqual([6, 7, 8]);
    expect(rowsOf('SPLIT', '25786')).toEqual([12, 13]);
    expect(rowsOf('CONTINUE', '25783')).toEqual([]);
  });

  it('splits a commune with coded rows to two communes, and replaces one named to only one', () => {
    const other = arrangeCommunes(
      input(
        [oldCommune('30000'), oldCommune('30003')],
        ['30001', '30002', '30004'].map((code) => newCommune(code)),
        [link('30000', '30001'), link('30000', '30002'), link('30003', '30004', false)],
      ),
    );
    expect(other.steps.map(brief)).toEqual(['SPLIT 30000 → 30001+30002', 'REPLACE 30003 → 30004']);
    expect(other.boundaryAdjustments).toEqual([]);
  });
});
