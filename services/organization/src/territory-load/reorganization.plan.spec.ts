import { Tier } from '../unit/unit.entity';
import { isContinuation, lineageKind, planLineage, provincePairs, restructurings } from './reorganization.plan';

const pair = (predecessor: string, successor: string) => ({ predecessor, successor });

describe('lineage kind', () => {
  it('is SPLIT when the predecessor went to several successors, MERGE otherwise', () => {
    expect(lineageKind(2)).toBe('SPLIT');
    expect(lineageKind(1)).toBe('MERGE');
  });

  it('treats A → A as a continuation only when nothing joins or leaves', () => {
    expect(isContinuation(pair('A', 'A'), 1, 1)).toBe(true);
    expect(isContinuation(pair('A', 'A'), 2, 1)).toBe(false);
    expect(isContinuation(pair('A', 'A'), 1, 2)).toBe(false);
    expect(isContinuation(pair('A', 'B'), 1, 1)).toBe(false);
  });
});

describe('planLineage', () => {
  it('keeps A → A when B merges into A (Thanh An), and drops a commune that merely continues', () => {
    const lineage = planLineage(
      [pair('25801', '25807'), pair('25798', '25807'), pair('25807', '25807'), pair('25810', '25810'), pair('25801', '25807')],
      Tier.COMMUNE,
    );
    expect(lineage.map((row) => [row.predecessor, row.successor, row.kind])).toEqual([
      ['25798', '25807', 'MERGE'],
      ['25801', '25807', 'MERGE'],
      ['25807', '25807', 'MERGE'],
    ]);
  });

  it('marks every step of a divided unit SPLIT, its code living on included', () => {
    const lineage = planLineage([pair('A', 'A'), pair('A', 'B'), pair('C', 'B')], Tier.COMMUNE);
    expect(lineage.map((row) => [row.predecessor, row.successor, row.kind])).toEqual([
      ['A', 'A', 'SPLIT'],
      ['A', 'B', 'SPLIT'],
      ['C', 'B', 'MERGE'],
    ]);
  });

  it('records a one-to-one change of code as a merge of one', () => {
    expect(planLineage([pair('06970', '06978')], Tier.COMMUNE)).toEqual([
      { predecessor: '06970', successor: '06978', kind: 'MERGE', tier: Tier.COMMUNE },
    ]);
  });
});

describe('provincePairs', () => {
  it('derives province lineage through communes, once per pair', () => {
    const oldProvince = new Map([['25801', '74'], ['25807', '74'], ['26734', '79']]);
    const newProvince = new Map([['25807', '79'], ['26734', '79']]);
    expect(provincePairs([pair('25801', '25807'), pair('25807', '25807'), pair('26734', '26734')], oldProvince, newProvince)).toEqual([
      pair('74', '79'),
      pair('79', '79'),
    ]);
  });
});

describe('restructurings', () => {
  it('groups merges by successor and splits by predecessor', () => {
    const lineage = planLineage([pair('A', 'A'), pair('A', 'B'), pair('C', 'B'), pair('D', 'E'), pair('F', 'E')], Tier.COMMUNE);
    const { merges, splits } = restructurings(lineage);
    expect(splits).toEqual([{ tier: Tier.COMMUNE, predecessor: 'A', successors: ['A', 'B'] }]);
    expect(merges).toEqual([
      { tier: Tier.COMMUNE, successor: 'B', predecessors: ['A', 'C'] },
      { tier: Tier.COMMUNE, successor: 'E', predecessors: ['D', 'F'] },
    ]);
  });
});
