import { UnitDissolved, UnitMoved, UnitRenamed } from '@ps/contracts';
import type { Principal } from '@ps/auth';
import { notEndedBy, requiredText } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { LineageKind } from '../lineage/lineage.entity';
import { recordLineage } from '../lineage/lineage.repository';
import { requireUnit, unitLabel } from '../unit/unit.access';
import { AdministrativeUnit } from '../unit/unit.entity';
import { endUnits, rehomeBelow, reviseUnit } from '../unit/unit.versions';
import { announceFacts, snapshotOf } from './restructure.announce';
import { RestructureInputError } from './restructure.errors';
import type { UnitChangeInput } from './restructure.inputs';
import { restructuringResult, type RestructuringResult } from './restructure.result';
import { holdingsState } from './restructure.service';
import { aboutUnits, joinPath, newParent, restructure, unitState, unitsToRestructure, type Restructuring } from './restructure.scope';
import { carryHoldings, type Ceasing } from './succession';

/** Dissolving, moving and renaming one unit; each effective-dated, with lineage, and announced. */
export class UnitChangeService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The unit ends on the date. With a successor (the province for an abolished district) its
   * territory, children and holdings pass to it; without one, everything below ends with it.
   */
  dissolve(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    return restructure(this.dataSource, principal, 'dissolveUnit', input.change, async (restructuring) => {
      const { write } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      const successor = input.successorCode?.trim() ? await this.successorFor(restructuring, unit, input.successorCode.trim()) : null;
      aboutUnits(write, unit, successor ? [successor] : []).before(unitState(unit));
      const below = successor ? [] : await this.endBelow(restructuring, unit);
      await endUnits(write, [unit]);
      const rehomed = successor ? await rehomeBelow(write, unit, successor) : [];
      if (successor) await recordLineage(write, [{ predecessor: unit.code, successor: successor.code, kind: LineageKind.DISSOLVE }]);
      const ceasing: Ceasing[] = [unit, ...below].map((ended) => ({ unit: ended, successor }));
      const holdings = await carryHoldings(write, ceasing);
      write.after({ successor: successor ? unitState(successor) : null, closed: below.map(unitState), rehomed: rehomed.map(unitState), ...holdingsState(holdings) });
      await write.emit(
        UnitDissolved,
        {
          code: unit.code,
          closed: below.map((ended) => ended.code),
          successor: successor?.code ?? null,
          rehomed: rehomed.map((moved) => snapshotOf(write, moved)),
          endedOrganizations: holdings.closed.map((organization) => organization.id),
          ...announceFacts(write),
        },
        { aggregateId: unit.code, unitPath: unit.path },
      );
      return restructuringResult(write.date, [unit, ...below], rehomed);
    });
  }

  /** The unit and its subtree move under another parent (codes stay, paths change). */
  move(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    const parentCode = input.parentCode?.trim();
    if (!parentCode) throw new RestructureInputError('Cần chọn đơn vị cấp trên mới', 'Name the new parent');
    return restructure(this.dataSource, principal, 'moveUnit', input.change, async (restructuring) => {
      const { write } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      const parent = await newParent(restructuring, parentCode, unit.tier);
      if (parent.code === unit.parentCode || `${parent.path}.`.startsWith(`${unit.path}.`)) {
        throw new RestructureInputError(
          `Đơn vị cấp trên mới của ${unitLabel(unit)} phải khác cấp trên hiện tại và không nằm trong chính đơn vị này`,
          `The new parent of ${unitLabel(unit)} must differ from the current one and lie outside it`,
          { code: unit.code, parentCode },
        );
      }
      aboutUnits(write, unit, [parent]).before(unitState(unit));
      const moved = await reviseUnit(write, unit.code, { parentCode: parent.code, path: joinPath(parent.path, unit.code) });
      const rehomed = await rehomeBelow(write, unit, moved);
      await recordLineage(write, [{ predecessor: unit.code, successor: unit.code, kind: LineageKind.MOVE }]);
      write.after({ unit: unitState(moved), rehomed: rehomed.map(unitState) }).concerns([moved.path]);
      await write.emit(
        UnitMoved,
        { previousParentCode: unit.parentCode, unit: snapshotOf(write, moved), rehomed: rehomed.map((below) => snapshotOf(write, below)), ...announceFacts(write) },
        { aggregateId: unit.code, unitPath: moved.path },
      );
      return restructuringResult(write.date, [unit], [moved, ...rehomed]);
    });
  }

  /** Same unit, same place, new name from the date. */
  rename(principal: Principal, input: UnitChangeInput): Promise<RestructuringResult> {
    const name = requiredText(input.name ?? '', { vi: 'Tên mới', en: 'New name' });
    return restructure(this.dataSource, principal, 'renameUnit', input.change, async (restructuring) => {
      const { write } = restructuring;
      const [unit] = await unitsToRestructure(restructuring, [input.code.trim()]);
      if (unit.name === name) throw new RestructureInputError(`${unitLabel(unit)} đã mang tên này`, `${unitLabel(unit)} already has this name`);
      aboutUnits(write, unit, []).before(unitState(unit));
      const renamed = await reviseUnit(write, unit.code, { name });
      await recordLineage(write, [{ predecessor: unit.code, successor: unit.code, kind: LineageKind.RENAME }]);
      write.after(unitState(renamed));
      await write.emit(UnitRenamed, { previousName: unit.name, unit: snapshotOf(write, renamed), ...announceFacts(write) }, { aggregateId: unit.code, unitPath: renamed.path });
      return restructuringResult(write.date, [unit], [renamed]);
    });
  }

  /** The unit taking over a dissolved unit's territory: visible, another unit, above or beside it. */
  private async successorFor(restructuring: Restructuring, unit: AdministrativeUnit, code: string): Promise<AdministrativeUnit> {
    const successor = await requireUnit(restructuring.write.manager, restructuring.principal, code, restructuring.write.date);
    if (successor.code === unit.code || `${successor.path}.`.startsWith(`${unit.path}.`)) {
      throw new RestructureInputError(
        `${unitLabel(successor)} không thể kế thừa ${unitLabel(unit)}`,
        `${unitLabel(successor)} cannot succeed ${unitLabel(unit)}`,
        { code: unit.code, successorCode: code },
      );
    }
    return successor;
  }

  /** Everything below a unit dissolved without a successor ends with it; nothing may start there later. */
  private async endBelow(restructuring: Restructuring, unit: AdministrativeUnit): Promise<AdministrativeUnit[]> {
    const { write } = restructuring;
    const below = await write.manager
      .getRepository(AdministrativeUnit)
      .createQueryBuilder('unit')
      .where('unit.path <@ :root::ltree AND unit.path <> :root::ltree', { root: unit.path })
      .andWhere(notEndedBy('unit', ':date'), { date: write.date })
      .orderBy('nlevel(unit.path)', 'DESC')
      .setLock('pessimistic_write')
      .getMany();
    const later = below.filter((candidate) => candidate.validFrom > write.date);
    if (later.length > 0) {
      throw new RestructureInputError(
        `Giải thể ${unitLabel(unit)} không có đơn vị kế thừa, nhưng ${later.map(unitLabel).join('; ')} bắt đầu sau ngày ${write.date}`,
        `Dissolving ${unitLabel(unit)} without a successor, but ${later.map(unitLabel).join('; ')} start after ${write.date}`,
        { reason: 'STRANDED', later: later.map((candidate) => candidate.code) },
      );
    }
    await endUnits(write, below);
    return below;
  }
}
