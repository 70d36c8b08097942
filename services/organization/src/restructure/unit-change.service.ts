import type { Principal } from '@ps/auth';
import { UnitDissolved, UnitMoved, UnitRenamed } from '@ps/contracts';
import { recordEvent } from '@ps/events';
import type { DataSource } from 'typeorm';
import { endHoldingsOf, holdingsEnd } from './holdings';
import { RestructureInputError } from './restructure.errors';
import type { UnitChangeInput } from './restructure.inputs';
import { restructuringResult, type RestructuringResult } from './restructure.result';
import { facts, newParent, restructure, snapshot, unitsToRestructure } from './restructure.scope';
import { descendantsOf, endVersions, moveSubtree, startVersions } from './unit-versions';

/** Dissolving, moving and renaming one unit; each effective-dated and announced. */
export class UnitChangeService {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit and everything below it end on the date, with what they hold. */
  dissolve(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    return restructure(this.dataSource, principal, input.change, async (restructuring) => {
      const { manager, change } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      const below = await descendantsOf(manager, unit.path, change.effectiveDate);
      await endVersions(manager, [unit, ...below], change.effectiveDate);
      const endedOrganizations = await endHoldingsOf(
        manager,
        [unit, ...below].map((u) => u.code),
        holdingsEnd(change, restructuring.actor),
      );
      await recordEvent(
        manager,
        UnitDissolved,
        {
          code: unit.code,
          closed: below.map((u) => u.code),
          endedOrganizations: endedOrganizations.map((organization) => organization.id),
          ...facts(restructuring),
        },
        { aggregateId: unit.code, unitPath: unit.path, actor: restructuring.actor },
      );
      return restructuringResult(change.effectiveDate, [unit, ...below], []);
    });
  }

  /** The unit and its subtree move under another parent (codes stay, paths change). */
  move(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    const parentCode = input.parentCode?.trim();
    if (!parentCode) throw new RestructureInputError('Cần chọn đơn vị cấp trên mới', 'Name the new parent');
    return restructure(this.dataSource, principal, input.change, async (restructuring) => {
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      const parent = await newParent(restructuring, parentCode, unit.tier);
      if (parent.code === unit.parentCode || `${parent.path}.`.startsWith(`${unit.path}.`)) {
        throw new RestructureInputError(
          'Đơn vị cấp trên mới phải khác cấp trên hiện tại và không nằm trong chính đơn vị này',
          'The new parent must differ from the current one and lie outside the unit',
          { code: unit.code, parentCode },
        );
      }
      const { moved, rehomed } = await moveSubtree(restructuring.manager, unit, parent, restructuring.change, restructuring.actor);
      await recordEvent(
        restructuring.manager,
        UnitMoved,
        {
          previousParentCode: unit.parentCode,
          unit: snapshot(restructuring, moved),
          rehomed: rehomed.map((u) => snapshot(restructuring, u)),
          ...facts(restructuring),
        },
        { aggregateId: unit.code, unitPath: moved.path, actor: restructuring.actor },
      );
      return restructuringResult(restructuring.change.effectiveDate, [unit], [moved, ...rehomed]);
    });
  }

  /** Same unit, same place, new name from the date. */
  rename(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    const name = input.name?.trim() ?? '';
    if (name.length === 0) throw new RestructureInputError('Cần có tên mới', 'A new name is required');
    return restructure(this.dataSource, principal, input.change, async (restructuring) => {
      const { manager, change, actor } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      if (unit.name === name) throw new RestructureInputError('Tên mới trùng tên hiện tại', 'The new name is the current one');
      await endVersions(manager, [unit], change.effectiveDate);
      const [renamed] = await startVersions(
        manager,
        [{ code: unit.code, name, tier: unit.tier, parentCode: unit.parentCode, path: unit.path }],
        change,
        actor,
      );
      await recordEvent(
        manager,
        UnitRenamed,
        { previousName: unit.name, unit: snapshot(restructuring, renamed), ...facts(restructuring) },
        { aggregateId: unit.code, unitPath: renamed.path, actor },
      );
      return restructuringResult(change.effectiveDate, [unit], [renamed]);
    });
  }
}
