import { randomUUID } from 'node:crypto';
import type { Principal } from '@ps/auth';
import { DutyChanged, OrganizationChanged, OrganizationClosed, OrganizationCreated, SeatChanged } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { recordEvent, recordEvents, type EventMetadata } from '@ps/events';
import { foldText } from '@ps/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { changeFactsOf } from '../decision/decision.events';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { Duty } from '../duty/duty.entity';
import { dutySnapshot } from '../duty/duty.events';
import { dayBefore } from '../territory/validity';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { stampVersion } from './effective-version.entity';
import {
  closeHeldBy,
  closeVersion,
  isStableId,
  nextVersion,
  openVersion,
  refuseBefore,
  writeVersions,
  type VersionWrite,
} from './effective-version.service';
import { Organization } from './organization.entity';
import {
  InvalidParentOrganizationError,
  OrganizationHasChildrenError,
  OrganizationNotFoundError,
  requiredText,
} from './organization.errors';
import { organizationSnapshot } from './organization.events';
import type { ChangeOrganizationInput, CreateOrganizationInput } from './organization.inputs';
import { organizationsInForce, unitInTerritory } from './organization.scope';
import type { OrganizationService } from './organization.service';
import { OrganizationSeat } from './seat.entity';
import { seatSnapshot } from './seat.events';

const NAME = { vi: 'Tên tổ chức', en: 'Organization name' };

/** Establishes, changes and closes organizations (admins), each change dated, reasoned, cited and announced. */
export class OrganizationChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
  ) {}

  async create(principal: Principal, input: CreateOrganizationInput): Promise<Organization> {
    const name = requiredText(input.name, NAME);
    return writeVersions(this.dataSource, principal, 'admin', input.change, async (write) => {
      const date = write.change.effectiveDate;
      const unit = await unitInTerritory(this.organizations.units, write.manager, principal, input.unitCode, date);
      const parentId = input.parentId ?? null;
      if (parentId !== null) await this.checkParent(write, parentId, unit.code, null);
      const repository = write.manager.getRepository(Organization);
      const organization = repository.create({
        id: randomUUID(),
        unitCode: unit.code,
        parentId,
        kind: input.kind,
        name,
        searchName: foldText(name),
        validFrom: date,
        validTo: null,
        reason: write.change.reason,
        decisionId: write.change.decision.id,
        createdBy: write.actor,
      });
      await repository.insert(organization);
      await recordEvent(
        write.manager,
        OrganizationCreated,
        { organization: organizationSnapshot(organization), ...changeFactsOf(write.change) },
        metadataOf(write, organization.id, unit),
      );
      return stampVersion(organization, date);
    });
  }

  /** A new version from the effective date (or the same-day version replaced); omitted fields carry over. */
  async change(principal: Principal, id: string, input: ChangeOrganizationInput): Promise<Organization> {
    const fields = changedFields(input);
    return writeVersions(this.dataSource, principal, 'admin', input.change, async (write) => {
      const date = write.change.effectiveDate;
      const current = await openVersion(write.manager, Organization, id);
      if (!current) throw new OrganizationNotFoundError(id);
      refuseBefore(current, date);
      const unit = await unitInTerritory(this.organizations.units, write.manager, principal, current.unitCode, date);
      if (fields.parentId) await this.checkParent(write, fields.parentId, current.unitCode, id);
      const replaced = current.validFrom === date;
      const previous = { ...organizationSnapshot(current), validTo: replaced ? current.validTo : date };
      const next = await nextVersion(write, Organization, current, fields);
      await recordEvent(
        write.manager,
        OrganizationChanged,
        { previous, organization: organizationSnapshot(next), replaced, ...changeFactsOf(write.change) },
        metadataOf(write, id, unit),
      );
      return stampVersion(next, date);
    });
  }

  /**
   * Closes an organization on the effective date with its open seats and duties; refused while
   * child organizations stay open. Answers the closed version as of its last day in force.
   */
  async close(principal: Principal, id: string, changeInput: EffectiveChangeInput): Promise<Organization> {
    return writeVersions(this.dataSource, principal, 'admin', changeInput, async (write) => {
      const date = write.change.effectiveDate;
      const current = await openVersion(write.manager, Organization, id);
      if (!current) throw new OrganizationNotFoundError(id);
      refuseBefore(current, date);
      const unit = await unitInTerritory(this.organizations.units, write.manager, principal, current.unitCode, date);
      await this.refuseOpenChildren(write, id);
      const seats = await closeHeldBy(write, OrganizationSeat, id);
      const duties = await closeHeldBy(write, Duty, id);
      const closed = await closeVersion(write, Organization, current);
      const facts = changeFactsOf(write.change);
      const envelope = await recordEvent(
        write.manager,
        OrganizationClosed,
        {
          organization: organizationSnapshot(closed),
          closedSeats: seats.map((seat) => seat.id),
          closedDuties: duties.map((duty) => duty.id),
          ...facts,
        },
        metadataOf(write, id, unit),
      );
      const cause = { ...metadataOf(write, id, unit), correlationId: envelope.correlationId, causationId: envelope.id };
      const held = { action: 'CLOSED' as const, organizationId: id, unitCode: unit.code, ...facts };
      await recordEvents(write.manager, SeatChanged, seats.map((seat) => ({ payload: { ...held, seat: seatSnapshot(seat) }, metadata: cause })));
      await recordEvents(write.manager, DutyChanged, duties.map((duty) => ({ payload: { ...held, duty: dutySnapshot(duty) }, metadata: cause })));
      return stampVersion(closed, dayBefore(date));
    });
  }

  /** The parent must be in force on the date inside the territory, in the same unit or one above, stay open, and not sit below the child. */
  private async checkParent(write: VersionWrite, parentId: string, unitCode: string, childId: string | null): Promise<void> {
    const date = write.change.effectiveDate;
    const refuse = (vi: string, en: string) => new InvalidParentOrganizationError(vi, en, { parentId, unitCode, date });
    const parent = isStableId(parentId)
      ? await organizationsInForce(write.manager, write.principal, date).andWhere('org.id = :parentId', { parentId }).getOne()
      : null;
    if (!parent) throw refuse(`Tổ chức cấp trên ${parentId} không có hiệu lực vào ngày ${date}`, `Parent ${parentId} is not in force on ${date}`);
    // A parent sits in the same unit or one above it (a commune's Party organization is under the district's committee).
    if (parent.unitCode !== unitCode && !(await unitIsWithin(write.manager, unitCode, parent.unitCode, date))) {
      throw refuse(
        `Tổ chức cấp trên thuộc đơn vị không phải cấp trên của ${unitCode} (${parent.unitCode})`,
        `The parent belongs to a unit that is not above ${unitCode} (${parent.unitCode})`,
      );
    }
    // Share-locks the parent's open version, so it cannot close while this child is written.
    if (!(await openVersion(write.manager, Organization, parentId, 'pessimistic_read'))) {
      throw refuse(`Tổ chức cấp trên ${parentId} đã có quyết định giải thể`, `Parent ${parentId} is being closed`);
    }
    if (childId !== null && (parentId === childId || (await this.isBelow(write, parentId, childId)))) {
      throw refuse('Tổ chức không thể trực thuộc chính nó hoặc tổ chức cấp dưới của nó', 'An organization cannot sit under itself or its own descendant');
    }
  }

  /** True when `id` sits somewhere below `ancestorId` on the write's date. */
  private async isBelow(write: VersionWrite, id: string, ancestorId: string): Promise<boolean> {
    const [row] = await write.manager.query(
      `WITH RECURSIVE below (id) AS (
         SELECT id FROM organization
          WHERE parent_id = $1 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)
         UNION
         SELECT child.id FROM organization child JOIN below ON child.parent_id = below.id
          WHERE child.valid_from <= $3 AND (child.valid_to IS NULL OR child.valid_to > $3)
       )
       SELECT EXISTS (SELECT 1 FROM below WHERE id = $2) AS below`,
      [ancestorId, id, write.change.effectiveDate],
    );
    return row.below === true;
  }

  private async refuseOpenChildren(write: VersionWrite, id: string): Promise<void> {
    const children: Array<{ id: string }> = await write.manager.query(
      'SELECT DISTINCT id FROM organization WHERE parent_id = $1 AND (valid_to IS NULL OR valid_to > $2) ORDER BY id',
      [id, write.change.effectiveDate],
    );
    if (children.length > 0) throw new OrganizationHasChildrenError(id, children.map((child) => child.id));
  }
}

function changedFields(input: ChangeOrganizationInput): Partial<Organization> {
  const fields: Partial<Organization> = {};
  if (input.name != null) {
    fields.name = requiredText(input.name, NAME);
    fields.searchName = foldText(fields.name);
  }
  if (input.kind != null) fields.kind = input.kind;
  if (input.parentId !== undefined) fields.parentId = input.parentId;
  if (Object.keys(fields).length === 0) throw new BadUserInputError('Không có gì để thay đổi', 'Nothing to change');
  return fields;
}

function metadataOf(write: VersionWrite, organizationId: string, unit: AdministrativeUnit): EventMetadata {
  return { aggregateId: organizationId, unitPath: unit.path, actor: write.actor };
}

/** True when, on the date, unit `code` lies below unit `ancestorCode` in the territory tree. */
async function unitIsWithin(manager: EntityManager, code: string, ancestorCode: string, date: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM administrative_unit child
       JOIN administrative_unit ancestor ON child.path <@ ancestor.path
      WHERE child.code = $1 AND ancestor.code = $2
        AND child.valid_from <= $3 AND (child.valid_to IS NULL OR child.valid_to > $3)
        AND ancestor.valid_from <= $3 AND (ancestor.valid_to IS NULL OR ancestor.valid_to > $3)`,
    [code, ancestorCode, date],
  );
  return rows.length > 0;
}
