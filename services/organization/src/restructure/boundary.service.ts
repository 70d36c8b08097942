import { BoundaryAdjusted } from '@ps/contracts';
import type { Principal } from '@ps/auth';
import { dayBefore, requiredText } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import { LineageKind } from '../lineage/lineage.entity';
import { recordLineage } from '../lineage/lineage.repository';
import { requireUnit, unitAccess, unitLabel } from '../unit/unit.access';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { rehomeBelow, reviseUnit } from '../unit/unit.versions';
import { requireAuthority } from './authority';
import { announceFacts, snapshotOf } from './restructure.announce';
import { RestructureInputError } from './restructure.errors';
import type { AdjustBoundaryInput } from './restructure.inputs';
import { restructuringResult, type RestructuringResult } from './restructure.result';
import { aboutUnits, distinctCodes, joinPath, restructure, unitState, type Restructuring } from './restructure.scope';

/**
 * Boundary adjustments (điều chỉnh địa giới): part of one unit's area and population moves to
 * another; both carry on, or the giving unit ends the same day by another restructuring (a
 * commune merged into one successor and partly into another). Lineage records the part given.
 */
export class BoundaryService {
  constructor(private readonly dataSource: DataSource) {}

  adjust(principal: Principal, input: AdjustBoundaryInput): Promise<RestructuringResult> {
    const area = requiredText(input.area, { vi: 'Phần địa bàn điều chỉnh', en: 'The area adjusted' });
    const fromCode = input.fromCode.trim();
    const toCode = input.toCode.trim();
    if (fromCode === toCode) throw new RestructureInputError('Đơn vị chuyển và đơn vị nhận phải khác nhau', 'The giving and receiving units must differ');
    return restructure(this.dataSource, principal, 'adjustBoundary', input.change, async (restructuring) => {
      const { write } = restructuring;
      const from = await this.givingUnit(restructuring, fromCode);
      const to = await requireUnit(write.manager, principal, toCode, write.date);
      requireAuthority(principal, to.tier, write.date, restructuring.issuer);
      aboutUnits(write, to, [from]).before({ from: unitState(from), to: unitState(to) });
      const moved: AdministrativeUnit[] = [];
      for (const code of distinctCodes(input.unitCodes)) moved.push(...(await this.carryPart(restructuring, from, to, code)));
      await recordLineage(write, [{ predecessor: from.code, successor: to.code, kind: LineageKind.ADJUST }]);
      write.after({ area, to: unitState(to), moved: moved.map(unitState) }).concerns(moved.map((unit) => unit.path));
      await write.emit(
        BoundaryAdjusted,
        { from: from.code, to: to.code, area, rehomed: moved.map((unit) => snapshotOf(write, unit)), ...announceFacts(write) },
        { aggregateId: to.code, unitPath: to.path },
      );
      return restructuringResult(write.date, [], moved);
    });
  }

  /** The giving unit: visible on the date, or, when it ceased that very day, on the day before. */
  private async givingUnit(restructuring: Restructuring, code: string): Promise<AdministrativeUnit> {
    const { write, principal } = restructuring;
    const { access } = await unitAccess(write.manager, principal, code, write.date);
    const date = access.state === 'NOT_IN_FORCE' && access.before?.validTo === write.date ? dayBefore(write.date) : write.date;
    const unit = await requireUnit(write.manager, principal, code, date);
    requireAuthority(principal, unit.tier, write.date, restructuring.issuer);
    return unit;
  }

  /** A hamlet (with what lies below it) that lay in the giving unit moves under the receiving one. */
  private async carryPart(restructuring: Restructuring, from: AdministrativeUnit, to: AdministrativeUnit, code: string): Promise<AdministrativeUnit[]> {
    const { write, principal } = restructuring;
    const part = await requireUnit(write.manager, principal, code, write.date);
    const [wasThere] = await write.manager.query(
      `SELECT 1 FROM administrative_unit WHERE code = $1 AND parent_code = $2 AND valid_from < $3 LIMIT 1`,
      [code, from.code, write.date],
    );
    if (!wasThere) {
      throw new RestructureInputError(
        `${unitLabel(part)} không thuộc ${unitLabel(from)} trước ngày ${write.date}`,
        `${unitLabel(part)} did not lie in ${unitLabel(from)} before ${write.date}`,
        { code, fromCode: from.code },
      );
    }
    const moved = await reviseUnit(write, code, { parentCode: to.code, path: joinPath(to.path, code) });
    return [moved, ...(await rehomeBelow(write, part, moved))];
  }
}
