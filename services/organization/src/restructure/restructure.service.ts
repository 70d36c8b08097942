import { UnitSplit, UnitsMerged } from '@ps/contracts';
import type { Principal } from '@ps/auth';
import { notEndedBy, requiredText } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { LineageKind } from '../lineage/lineage.entity';
import { recordLineage } from '../lineage/lineage.repository';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { unitLabel } from '../unit/unit.access';
import { ensureCodesFree } from '../unit/unit.service';
import { endUnits, insertUnits, rehomeBelow, reviseUnit } from '../unit/unit.versions';
import { RestructureInputError } from './restructure.errors';
import type { MergeUnitsInput, SplitUnitInput } from './restructure.inputs';
import { restructuringResult, type RestructuringResult } from './restructure.result';
import {
  aboutUnits,
  distinctCodes,
  joinPath,
  newParent,
  restructure,
  unitState,
  unitsToRestructure,
  type Restructuring,
} from './restructure.scope';
import { carryHoldings } from './succession';
import { announceFacts, snapshotOf } from './restructure.announce';

/** Merges and splits of administrative units, each effective-dated, with lineage, succession and an event. */
export class RestructureService {
  constructor(private readonly dataSource: DataSource) {}

  /** N → 1: the predecessors end, the successor starts or carries on (keeping one predecessor's code). */
  merge(principal: Principal, input: MergeUnitsInput): Promise<RestructuringResult> {
    const codes = distinctCodes(input.predecessorCodes);
    const successorCode = input.successorCode.trim();
    const name = requiredText(input.successorName, { vi: 'Tên đơn vị sau hợp nhất', en: 'Successor name' });
    if (codes.length === 0 || (codes.length === 1 && codes[0] === successorCode)) {
      throw new RestructureInputError(
        'Hợp nhất cần ít nhất hai đơn vị, hoặc một đơn vị chuyển sang mã mới',
        'A merge needs at least two units, or one unit taking a new code',
      );
    }
    return restructure(this.dataSource, principal, 'mergeUnits', input.change, async (restructuring) => {
      const { write } = restructuring;
      const units = await unitsToRestructure(restructuring, codes);
      const tier = onlyTier(units);
      const parent = await this.mergedParent(restructuring, units, tier, input.parentCode);
      if (!codes.includes(successorCode)) await ensureCodesFree(write, [successorCode]);
      const path = joinPath(parent?.path, successorCode);
      const kept = units.find((unit) => unit.code === successorCode);
      const successor = kept
        ? await reviseUnit(write, successorCode, { name, parentCode: parent?.code ?? null, path })
        : (await insertUnits(write, [{ code: successorCode, name, tier, parentCode: parent?.code ?? null, path }]))[0];
      aboutUnits(write, successor, units).before(units.map(unitState));
      const ceasing = units.filter((unit) => unit.code !== successorCode);
      await endUnits(write, ceasing);
      const rehomed: AdministrativeUnit[] = kept && kept.path !== path ? await rehomeBelow(write, kept, successor) : [];
      for (const unit of ceasing) rehomed.push(...(await rehomeBelow(write, unit, successor)));
      await recordLineage(write, codes.map((predecessor) => ({ predecessor, successor: successorCode, kind: LineageKind.MERGE })));
      const holdings = await carryHoldings(write, ceasing.map((unit) => ({ unit, successor })));
      write.after({ successor: unitState(successor), rehomed: rehomed.map(unitState), ...holdingsState(holdings) });
      await write.emit(
        UnitsMerged,
        {
          predecessors: codes,
          successor: snapshotOf(write, successor),
          rehomed: rehomed.map((unit) => snapshotOf(write, unit)),
          endedOrganizations: holdings.closed.map((organization) => organization.id),
          ...announceFacts(write),
        },
        { aggregateId: successorCode, unitPath: successor.path },
      );
      return restructuringResult(write.date, units, [successor, ...rehomed]);
    });
  }

  /** 1 → N: the unit ends (or carries on as one of them); its successors start beside it and take the children assigned. */
  split(principal: Principal, input: SplitUnitInput): Promise<RestructuringResult> {
    const code = input.code.trim();
    const successorCodes = distinctCodes(input.successors.map((successor) => successor.code));
    if (successorCodes.length < 2 || successorCodes.length !== input.successors.length) {
      throw new RestructureInputError('Chia tách cần ít nhất hai đơn vị mới khác mã nhau', 'A split needs at least two distinct successors');
    }
    const names = new Map(input.successors.map((s) => [s.code.trim(), requiredText(s.name, { vi: 'Tên đơn vị mới', en: 'Successor name' })]));
    return restructure(this.dataSource, principal, 'splitUnit', input.change, async (restructuring) => {
      const { write } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [code]);
      await ensureCodesFree(write, successorCodes.filter((candidate) => candidate !== code));
      const children = await childrenOn(restructuring, unit);
      checkChildAssignment(children, input);
      const parentPath = unit.path.split('.').slice(0, -1).join('.');
      const shapes = successorCodes.map((successor) => ({ code: successor, name: names.get(successor) as string, tier: unit.tier, parentCode: unit.parentCode, path: joinPath(parentPath, successor) }));
      const continues = successorCodes.includes(code);
      const successors = [
        ...(continues ? [await reviseUnit(write, code, shapes.find((shape) => shape.code === code) as (typeof shapes)[number])] : []),
        ...(await insertUnits(write, shapes.filter((shape) => shape.code !== code))),
      ];
      aboutUnits(write, unit, successors).before(unitState(unit));
      if (!continues) await endUnits(write, [unit]);
      const rehomed: AdministrativeUnit[] = [];
      for (const assignment of input.successors) {
        const target = successors.find((successor) => successor.code === assignment.code.trim()) as AdministrativeUnit;
        for (const child of children.filter((candidate) => assignment.childCodes.map((c) => c.trim()).includes(candidate.code))) {
          rehomed.push(...(await moveUnder(restructuring, child, target)));
        }
      }
      await recordLineage(write, successorCodes.map((successor) => ({ predecessor: code, successor, kind: LineageKind.SPLIT })));
      // What the unit held passes to the successor that keeps its code, else to the first one named.
      const heir = successors.find((successor) => successor.code === code) ?? (successors.find((s) => s.code === successorCodes[0]) as AdministrativeUnit);
      const holdings = continues ? { closed: [], moved: [] } : await carryHoldings(write, [{ unit, successor: heir }]);
      write.after({ successors: successors.map(unitState), rehomed: rehomed.map(unitState), ...holdingsState(holdings) });
      await write.emit(
        UnitSplit,
        {
          predecessor: code,
          successors: successors.map((successor) => snapshotOf(write, successor)),
          rehomed: rehomed.map((moved) => snapshotOf(write, moved)),
          endedOrganizations: holdings.closed.map((organization) => organization.id),
          ...announceFacts(write),
        },
        { aggregateId: code, unitPath: unit.path },
      );
      return restructuringResult(write.date, [unit], [...successors, ...rehomed]);
    });
  }

  /** The successor's parent: the one named, or the predecessors' common parent. */
  private async mergedParent(restructuring: Restructuring, units: AdministrativeUnit[], tier: AdministrativeUnit['tier'], parentCode?: string) {
    const parents = new Set(units.map((unit) => unit.parentCode));
    const code = parentCode?.trim() || (parents.size === 1 ? [...parents][0] : undefined);
    if (code === undefined) {
      throw new RestructureInputError(
        'Các đơn vị thuộc những cấp trên khác nhau: hãy chọn cấp trên cho đơn vị mới',
        'The units sit under different parents: name the successor’s parent',
        { parents: [...parents] },
      );
    }
    return code === null ? null : newParent(restructuring, code, tier);
  }
}

/** A unit and its subtree move under `target` from the date (a split's child taken over by a successor). */
async function moveUnder(restructuring: Restructuring, child: AdministrativeUnit, target: AdministrativeUnit): Promise<AdministrativeUnit[]> {
  const moved = await reviseUnit(restructuring.write, child.code, { parentCode: target.code, path: joinPath(target.path, child.code) });
  return [moved, ...(await rehomeBelow(restructuring.write, child, moved))];
}

/** The units directly under `unit` on the date or later. */
async function childrenOn(restructuring: Restructuring, unit: AdministrativeUnit): Promise<AdministrativeUnit[]> {
  const rows: AdministrativeUnit[] = await restructuring.write.manager.query(
    `SELECT DISTINCT ON (code) id, code, name, tier, parent_code AS "parentCode", path::text AS path, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM administrative_unit WHERE parent_code = $1 AND path <@ $2::ltree AND ${notEndedBy('', '$3')}
      ORDER BY code, valid_from`,
    [unit.code, unit.path, restructuring.write.date],
  );
  return rows;
}

function onlyTier(units: AdministrativeUnit[]): AdministrativeUnit['tier'] {
  const tiers = new Set(units.map((unit) => unit.tier));
  if (tiers.size !== 1) {
    throw new RestructureInputError(
      `Chỉ hợp nhất các đơn vị cùng cấp (${units.map(unitLabel).join(', ')})`,
      `Only units of one tier can merge (${units.map(unitLabel).join(', ')})`,
      { tiers: [...tiers] },
    );
  }
  return units[0].tier;
}

/** Every child of the split unit goes to exactly one successor. */
function checkChildAssignment(children: AdministrativeUnit[], input: SplitUnitInput): void {
  const assigned = input.successors.flatMap((successor) => successor.childCodes.map((code) => code.trim()));
  const childCodes = children.map((child) => child.code).sort();
  if (assigned.length !== new Set(assigned).size || [...assigned].sort().join() !== childCodes.join()) {
    throw new RestructureInputError(
      'Mỗi đơn vị trực thuộc phải được giao cho đúng một đơn vị mới',
      'Every child unit must go to exactly one successor',
      { children: childCodes, assigned },
    );
  }
}

/** What a succession did, for the audit row. */
export function holdingsState(holdings: { closed: Array<{ id: string; name: string }>; moved: Array<{ id: string; name: string; unitCode: string }> }) {
  return {
    closedOrganizations: holdings.closed.map(({ id, name }) => ({ id, name })),
    movedOrganizations: holdings.moved.map(({ id, name, unitCode }) => ({ id, name, unitCode })),
  };
}
