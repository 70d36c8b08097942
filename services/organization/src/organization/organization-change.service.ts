import { OrganizationChanged, OrganizationCreated } from '@ps/contracts';
import { randomUUID } from 'node:crypto';
import { requireCapability, type Principal } from '@ps/auth';
import {
  dayBefore,
  insertVersion,
  nextVersion,
  notEndedBy,
  requiredText,
  stampAsOf,
  writeDated,
  type DatedWrite,
  type EffectiveChangeInput,
} from '@ps/effective-dating';
import { foldText } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { requireLastingUnit, requireUnit } from '../unit/unit.access';
import type { AdministrativeUnit } from '../unit/unit.entity';
import { organizationForWrite, type Holder } from './organization.access';
import { Organization, organizationLabel } from './organization.entity';
import { OrganizationHasChildrenError, NothingToChangeError } from './organization.errors';
import { organizationSnapshot } from './organization.events';
import type { ChangeOrganizationInput, CreateOrganizationInput } from './organization.inputs';
import { checkParent, settleShape, type OrganizationShape } from './organization.shape';
import { closeOrganizations } from './organization.writes';

const NAME = { vi: 'Tên tổ chức', en: 'Organization name' };

/** Establishes, changes and closes organizations (admins), each change dated, reasoned, cited, audited and announced. */
export class OrganizationChangeService {
  constructor(private readonly dataSource: DataSource) {}

  async create(principal: Principal, input: CreateOrganizationInput): Promise<Organization> {
    requireCapability(principal, 'admin');
    const name = requiredText(input.name, NAME);
    return writeDated(this.dataSource, { actor: principal, operation: 'createOrganization', change: input.change }, async (write) => {
      const unit = await requireLastingUnit(write.manager, principal, input.unitCode, write.date);
      const parent = input.parentId ? await checkParent(write, principal, input.parentId, unit.code, null) : null;
      const shape = settleShape({ kind: input.kind, subtype: input.subtype ?? null, base: input.base ?? null }, parent, write.date);
      const organization = await insertVersion(write, Organization, {
        id: randomUUID(),
        unitCode: unit.code,
        parentId: parent?.id ?? null,
        ...shape,
        name,
        searchName: foldText(name),
      });
      about(write, organization, unit).after(organizationSnapshot(organization));
      await write.emit(OrganizationCreated, { organization: organizationSnapshot(organization), ...write.facts }, placeOf(organization, unit));
      return stampAsOf(organization, write.date);
    });
  }

  /** A new version from the effective date (or the same-day version replaced); omitted fields carry over. */
  async change(principal: Principal, id: string, input: ChangeOrganizationInput): Promise<Organization> {
    requireCapability(principal, 'admin');
    const name = input.name == null ? undefined : requiredText(input.name, NAME);
    if (name === undefined && input.kind == null && input.subtype == null && input.base == null && input.parentId === undefined) {
      throw new NothingToChangeError();
    }
    return writeDated(this.dataSource, { actor: principal, operation: 'changeOrganization', change: input.change }, async (write) => {
      const { open } = await organizationForWrite(write, principal, id);
      const unit = await requireUnit(write.manager, principal, open.unitCode, write.date);
      const parentId = input.parentId === undefined ? open.parentId : input.parentId;
      const parent = parentId ? await checkParent(write, principal, parentId, open.unitCode, id) : null;
      const wanted: OrganizationShape = {
        kind: input.kind ?? open.kind,
        subtype: input.subtype === undefined ? open.subtype : input.subtype,
        base: input.base ?? open.base,
      };
      const fields: Partial<Organization> = { ...settleShape(wanted, parent, write.date), parentId: parent?.id ?? null };
      if (name !== undefined) Object.assign(fields, { name, searchName: foldText(name) });
      const replaced = open.validFrom === write.date;
      const previous = { ...organizationSnapshot(open), validTo: replaced ? open.validTo : write.date };
      about(write, open, unit).before(previous);
      const next = await nextVersion(write, Organization, open, fields, organizationLabel(open));
      write.after(organizationSnapshot(next));
      await write.emit(
        OrganizationChanged,
        { previous, organization: organizationSnapshot(next), replaced, ...write.facts },
        placeOf(next, unit),
      );
      return stampAsOf(next, write.date);
    });
  }

  /**
   * Closes an organization on the effective date with its open seats and duties; refused while
   * child organizations stay open. Answers the closed version as of its last day in force.
   */
  async close(principal: Principal, id: string, change: EffectiveChangeInput): Promise<Organization> {
    requireCapability(principal, 'admin');
    return writeDated(this.dataSource, { actor: principal, operation: 'closeOrganization', change }, async (write) => {
      const { open } = await organizationForWrite(write, principal, id);
      const unit = await requireUnit(write.manager, principal, open.unitCode, write.date);
      await refuseOpenChildren(write, open);
      about(write, open, unit).before(organizationSnapshot(open));
      const [closed] = await closeOrganizations(write, [{ organization: open, unit } satisfies Holder]);
      write.after(organizationSnapshot(closed));
      return stampAsOf(closed, dayBefore(write.date));
    });
  }
}

async function refuseOpenChildren(write: DatedWrite, organization: Organization): Promise<void> {
  const children: Array<{ id: string; name: string; unitCode: string }> = await write.manager
    .getRepository(Organization)
    .createQueryBuilder('child')
    .select(['child.id AS id', 'child.name AS name', 'child.unit_code AS "unitCode"'])
    .where('child.parent_id = :id', { id: organization.id })
    .andWhere(notEndedBy('child', ':date'), { date: write.date })
    .distinctOn(['child.id'])
    .orderBy('child.id')
    .getRawMany();
  if (children.length > 0) {
    throw new OrganizationHasChildrenError(
      organizationLabel(organization),
      children.map((child) => ({ id: child.id, label: organizationLabel(child) })),
    );
  }
}

function about(write: DatedWrite, organization: Organization, unit: AdministrativeUnit): DatedWrite {
  return write.about({
    type: 'Organization',
    id: organization.id,
    label: organizationLabel(organization),
    unitCode: unit.code,
    unitPaths: [unit.path],
  });
}

function placeOf(organization: Organization, unit: AdministrativeUnit) {
  return { aggregateId: organization.id, unitPath: unit.path };
}
