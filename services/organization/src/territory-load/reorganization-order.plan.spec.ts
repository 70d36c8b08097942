import { Tier } from '../unit/unit.entity';
import type { OfficialUnit } from './official-tree.parser';
import type { CommuneStep } from './province-reorganization.steps';
import { decisionFor } from './reorganization.decisions';
import { createdBy, endedBy, orderCommuneSteps } from './reorganization-order.plan';

const base = { parentCode: '79', rows: [], decision: decisionFor('COMMUNE_ARRANGEMENT', '79', '2025-07-01')!, effectiveDate: '2025-07-01' };
const unit = (code: string) => ({ code, name: `Xã ${code}` });
const merge = (predecessors: string[], successor: string): CommuneStep => ({ kind: 'MERGE', ...base, predecessors, successor: unit(successor) });
const replace = (predecessor: string, successor: string): CommuneStep => ({ kind: 'REPLACE', ...base, predecessor, successor: unit(successor) });
const establish = (code: string): CommuneStep => ({ kind: 'ESTABLISH', ...base, successor: unit(code) });
const continuation = (code: string): CommuneStep => ({ kind: 'CONTINUE', ...base, code, name: `Xã ${code}`, renamed: false, previousName: `Xã ${code}` });

const oldUnits = new Map<string, OfficialUnit>(
  ['25780', '25783', '25790', '25791', '25801', '25807', '26000'].map((code) => [
    code,
    { code, name: `Xã ${code}`, tier: Tier.COMMUNE, parentCode: '720', path: `74.720.${code}` },
  ]),
);
const label = (step: CommuneStep) => `${endedBy(step).join('+') || '-'} → ${createdBy(step).join('+') || '-'}`;

describe('orderCommuneSteps', () => {
  it('records the step ending an old commune before the step that starts a unit under its code', () => {
    const { steps, faults } = orderCommuneSteps([replace('25780', '25783'), merge(['25783', '25801'], '25801')], oldUnits);
    expect(steps.map(label)).toEqual(['25783+25801 → 25801', '25780 → 25783']);
    expect(faults).toEqual([]);
  });

  it('keeps the given order when a merger keeps one of its own predecessors’ codes', () => {
    const given = [merge(['25801', '25807'], '25807'), continuation('25790'), replace('25780', '25781')];
    expect(orderCommuneSteps(given, oldUnits).steps).toEqual(given);
  });

  it('reports steps that would each need the other first, and still lists them', () => {
    const { steps, faults } = orderCommuneSteps([replace('25790', '25791'), replace('25791', '25790'), establish('25999')], oldUnits);
    expect(steps.map(label)).toEqual(['- → 25999', '25790 → 25791', '25791 → 25790']);
    expect(faults.map((f) => [f.reason, f.code, f.detail.waitsForEndOf])).toEqual([
      ['REPLAY_ORDER_CYCLE', '25791', ['25791']],
      ['REPLAY_ORDER_CYCLE', '25790', ['25790']],
    ]);
  });

  it('reports a code this plan never frees: the province that ends that commune must be recorded first', () => {
    const { steps, faults } = orderCommuneSteps([establish('26000')], oldUnits);
    expect(steps).toHaveLength(1);
    expect(faults).toEqual([expect.objectContaining({ reason: 'REPLAY_CODE_HELD_OUTSIDE_PLAN', code: '26000', detail: { heldBy: '74.720.26000' } })]);
  });
});
