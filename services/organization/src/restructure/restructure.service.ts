import type { Principal } from '@ps/auth';
import { UnitSplit, UnitsMerged } from '@ps/contracts';
import { recordEvent } from '@ps/events';
import type { DataSource } from 'typeorm';
import { AdministrativeUnit } from '../unit/unit.entity';
import { UnitCodeTakenError } from '../unit/unit.errors';
import { endHoldingsOf, holdingsEnd, recordLineage } from './holdings';
import { RestructureInputError } from './restructure.errors';
import type { MergeUnitsInput, SplitUnitInput } from './restructure.inputs';
import { restructuringResult, type RestructuringResult } from './restructure.result';
import { distinctCodes, facts, newParent, restructure, snapshot, unitsToRestructure, type Restructuring } from './restructure.scope';
import { descendantsOf, endVersions, moveSubtree, rehomeDescendants, startVersions } from './unit-versions';

/** Merges and splits of administrative units, each effective-dated, with lineage and an event. */
export class RestructureService {
  constructor(private readonly dataSource: DataSource) {}

  /** N → 1: the predecessors end, the successor starts (possibly keeping one predecessor's code). */
  merge(principal: Principal, input: MergeUnitsInput): Promise<RestructuringResult> {
    const codes = distinctCodes(input.predecessorCodes);
    const successorCode = input.successorCode.trim();
    const name = input.successorName.trim();
    if (codes.length < 2 || name.length === 0) {
      throw new RestructureInputError(
        'Hợp nhất cần ít nhất hai đơn vị và tên đơn vị mới',
        'A merge needs at least two units and the successor’s name',
      );
    }
    return restructure(this.dataSource, principal, input.change, async (restructuring) => {
      const units = await unitsToRestructure(restructuring, codes);
      const tier = onlyTier(units);
      const parent = await this.mergedParent(restructuring, units, tier, input.parentCode);
      await this.ensureCodeFree(restructuring, [successorCode], codes);
      await endVersions(restructuring.manager, units, restructuring.change.effectiveDate);
      const [successor] = await startVersions(
        restructuring.manager,
        [{ code: successorCode, name, tier, parentCode: parent?.code ?? null, path: joinPath(parent?.path, successorCode) }],
        restructuring.change,
        restructuring.actor,
      );
      const rehomed: AdministrativeUnit[] = [];
      for (const unit of units) {
        rehomed.push(...(await rehomeDescendants(restructuring.manager, unit, successor, restructuring.change, restructuring.actor)));
      }
      const endedOrganizations = await endHoldingsOf(
        restructuring.manager,
        codes.filter((code) => code !== successorCode),
        holdingsEnd(restructuring.change, restructuring.actor),
      );
      const links = codes.map((predecessor) => ({ predecessor, successor: successorCode }));
      await recordLineage(restructuring.manager, links, 'MERGE', restructuring.change, restructuring.actor);
      await recordEvent(
        restructuring.manager,
        UnitsMerged,
        {
          predecessors: codes,
          successor: snapshot(restructuring, successor),
          rehomed: rehomed.map((u) => snapshot(restructuring, u)),
          endedOrganizations: endedOrganizations.map((organization) => organization.id),
          ...facts(restructuring),
        },
        { aggregateId: successorCode, unitPath: successor.path, actor: restructuring.actor },
      );
      return restructuringResult(restructuring.change.effectiveDate, units, [successor, ...rehomed]);
    });
  }

  /** 1 → N: the unit ends, its successors start beside it and take over the children assigned to them. */
  split(principal: Principal, input: SplitUnitInput): Promise<RestructuringResult> {
    const code = input.code.trim();
    const successorCodes = distinctCodes(input.successors.map((successor) => successor.code));
    if (successorCodes.length < 2 || successorCodes.length !== input.successors.length) {
      throw new RestructureInputError('Chia tách cần ít nhất hai đơn vị mới khác mã nhau', 'A split needs at least two distinct successors');
    }
    return restructure(this.dataSource, principal, input.change, async (restructuring) => {
      const [unit] = await unitsToRestructure(restructuring, [code]);
      await this.ensureCodeFree(restructuring, successorCodes, [code]);
      const children = (await descendantsOf(restructuring.manager, unit.path, restructuring.change.effectiveDate)).filter(
        (candidate) => candidate.parentCode === unit.code,
      );
      checkChildAssignment(children, input);
      await endVersions(restructuring.manager, [unit], restructuring.change.effectiveDate);
      const parentPath = unit.path.split('.').slice(0, -1).join('.');
      const successors = await startVersions(
        restructuring.manager,
        input.successors.map((s) => ({ code: s.code.trim(), name: s.name.trim(), tier: unit.tier, parentCode: unit.parentCode, path: joinPath(parentPath, s.code.trim()) })),
        restructuring.change,
        restructuring.actor,
      );
      const rehomed: AdministrativeUnit[] = [];
      for (const assignment of input.successors) {
        const target = successors.find((s) => s.code === assignment.code.trim()) as AdministrativeUnit;
        for (const child of children.filter((c) => assignment.childCodes.includes(c.code))) {
          const { moved, rehomed: below } = await moveSubtree(restructuring.manager, child, target, restructuring.change, restructuring.actor);
          rehomed.push(moved, ...below);
        }
      }
      const endedOrganizations = successorCodes.includes(code)
        ? []
        : await endHoldingsOf(restructuring.manager, [code], holdingsEnd(restructuring.change, restructuring.actor));
      const links = successorCodes.map((successor) => ({ predecessor: code, successor }));
      await recordLineage(restructuring.manager, links, 'SPLIT', restructuring.change, restructuring.actor);
      await recordEvent(
        restructuring.manager,
        UnitSplit,
        {
          predecessor: code,
          successors: successors.map((s) => snapshot(restructuring, s)),
          rehomed: rehomed.map((u) => snapshot(restructuring, u)),
          endedOrganizations: endedOrganizations.map((organization) => organization.id),
          ...facts(restructuring),
        },
        { aggregateId: code, unitPath: unit.path, actor: restructuring.actor },
      );
      return restructuringResult(restructuring.change.effectiveDate, [unit], [...successors, ...rehomed]);
    });
  }

  /** The successor's parent: the one named, or the predecessors' common parent. */
  private async mergedParent(restructuring: Restructuring, units: AdministrativeUnit[], tier: string, parentCode?: string) {
    const parents = new Set(units.map((unit) => unit.parentCode));
    const code = parentCode?.trim() ?? (parents.size === 1 ? [...parents][0] : undefined);
    if (code === undefined) {
      throw new RestructureInputError(
        'Các đơn vị thuộc những cấp trên khác nhau: hãy chọn cấp trên cho đơn vị mới',
        'The units sit under different parents: name the successor’s parent',
        { parents: [...parents] },
      );
    }
    return code === null ? null : newParent(restructuring, code, tier);
  }

  /** New codes must be unused; `reusable` codes (the predecessors') may live on. */
  private async ensureCodeFree(restructuring: Restructuring, codes: string[], reusable: string[] = []): Promise<void> {
    for (const code of codes.filter((candidate) => !reusable.includes(candidate))) {
      if (await restructuring.manager.getRepository(AdministrativeUnit).existsBy({ code })) throw new UnitCodeTakenError(code);
    }
  }
}

function onlyTier(units: AdministrativeUnit[]): AdministrativeUnit['tier'] {
  const tiers = new Set(units.map((unit) => unit.tier));
  if (tiers.size !== 1) {
    throw new RestructureInputError('Chỉ hợp nhất các đơn vị cùng cấp', 'Only units of one tier can merge', { tiers: [...tiers] });
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

function joinPath(parentPath: string | undefined, code: string): string {
  return parentPath ? `${parentPath}.${code}` : code;
}
