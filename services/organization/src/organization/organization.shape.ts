import type { Principal } from '@ps/auth';
import { inForceOn, openVersion, requireVisible, type DatedWrite } from '@ps/effective-dating';
import { organizationAccess } from './organization.access';
import { MassOrganizationType, Organization, OrganizationBase, OrganizationKind, organizationLabel } from './organization.entity';
import { InvalidOrganizationError, InvalidParentOrganizationError } from './organization.errors';
import { organizationRulesOn } from './organization.rules';

/** What kind of organization something is: kind, subtype (mass organizations) and base. */
export interface OrganizationShape {
  kind: OrganizationKind;
  subtype: MassOrganizationType | null;
  base: OrganizationBase | null;
}

/**
 * The shape the rules in force on `date` allow: a subtype exactly for mass organizations, a
 * parent of an allowed kind (required for a committee, which belongs to the Party organization
 * that elects it), and the base, by default the kind's (or the parent's, for a committee).
 */
export function settleShape(
  wanted: OrganizationShape,
  parent: Organization | null,
  date: string,
): { kind: OrganizationKind; subtype: MassOrganizationType | null; base: OrganizationBase } {
  const rule = organizationRulesOn(date).kinds[wanted.kind];
  if (rule.subtype === 'REQUIRED' && wanted.subtype === null) {
    throw new InvalidOrganizationError('Đoàn thể, hội cần ghi rõ loại (subtype)', 'A mass organization needs its subtype', { kind: wanted.kind });
  }
  const subtype = rule.subtype === 'REQUIRED' ? wanted.subtype : null;
  if (rule.subtype === 'NONE' && wanted.subtype !== null && wanted.subtype !== undefined) {
    throw new InvalidOrganizationError('Chỉ đoàn thể, hội mới có loại (subtype)', 'Only mass organizations have a subtype', { kind: wanted.kind });
  }
  const { kinds, required } = rule.parents;
  if (required && parent === null) {
    throw new InvalidParentOrganizationError(
      'Cấp ủy, chi bộ phải thuộc một tổ chức đảng (tổ chức bầu ra nó)',
      'A committee or cell must belong to a Party organization (the one that elects it)',
      { kind: wanted.kind, allowed: kinds },
    );
  }
  if (parent !== null && kinds !== 'ANY' && !kinds.includes(parent.kind)) {
    throw new InvalidParentOrganizationError(
      `${organizationLabel(parent)} (${parent.kind}) không thể là tổ chức cấp trên của một tổ chức loại ${wanted.kind}`,
      `${organizationLabel(parent)} (${parent.kind}) cannot be the parent of a ${wanted.kind}`,
      { kind: wanted.kind, parentKind: parent.kind, allowed: kinds },
    );
  }
  const base = wanted.base ?? (rule.defaultBase === 'PARENT' ? (parent?.base ?? OrganizationBase.UNIT) : rule.defaultBase);
  return { kind: wanted.kind, subtype, base };
}

/**
 * The parent must be visible on the date (the one code per condition when it is not), in the
 * same unit or one above it, stay open (share-locked meanwhile), and not sit below the child.
 */
export async function checkParent(
  write: DatedWrite,
  principal: Principal,
  parentId: string,
  unitCode: string,
  childId: string | null,
): Promise<Organization> {
  const subject = { noun: { vi: 'tổ chức cấp trên này', en: 'such parent organization' }, asked: null, label: organizationLabel, details: { parentId } };
  const parent = requireVisible(await organizationAccess(write.manager, principal, parentId, write.date), write.date, subject);
  const refuse = (vi: string, en: string) => new InvalidParentOrganizationError(vi, en, { parentId, unitCode, date: write.date });
  if (parent.unitCode !== unitCode && !(await unitIsWithin(write, unitCode, parent.unitCode))) {
    throw refuse(
      `${organizationLabel(parent)} thuộc đơn vị không phải cấp trên của đơn vị ${unitCode}`,
      `${organizationLabel(parent)} belongs to a unit that is not above ${unitCode}`,
    );
  }
  if (!(await openVersion(write.manager, Organization, parentId, 'pessimistic_read'))) {
    throw refuse(`${organizationLabel(parent)} đã có quyết định giải thể`, `${organizationLabel(parent)} is being closed`);
  }
  if (childId !== null && (parentId === childId || (await isBelow(write, parentId, childId)))) {
    throw refuse('Tổ chức không thể trực thuộc chính nó hoặc tổ chức cấp dưới của nó', 'An organization cannot sit under itself or its own descendant');
  }
  return parent;
}

/** True when `id` sits somewhere below `ancestorId` on the write's date. */
async function isBelow(write: DatedWrite, id: string, ancestorId: string): Promise<boolean> {
  const [row] = await write.manager.query(
    `WITH RECURSIVE below (id) AS (
       SELECT id FROM organization WHERE parent_id = $1 AND ${inForceOn('organization', '$3')}
       UNION
       SELECT child.id FROM organization child JOIN below ON child.parent_id = below.id WHERE ${inForceOn('child', '$3')}
     )
     SELECT EXISTS (SELECT 1 FROM below WHERE id = $2) AS below`,
    [ancestorId, id, write.date],
  );
  return row.below === true;
}

/** True when, on the write's date, unit `code` lies below unit `ancestorCode` in the territory tree. */
async function unitIsWithin(write: DatedWrite, code: string, ancestorCode: string): Promise<boolean> {
  const rows: unknown[] = await write.manager.query(
    `SELECT 1 FROM administrative_unit child
       JOIN administrative_unit ancestor ON child.path <@ ancestor.path
      WHERE child.code = $1 AND ancestor.code = $2 AND ${inForceOn('child', '$3')} AND ${inForceOn('ancestor', '$3')}`,
    [code, ancestorCode, write.date],
  );
  return rows.length > 0;
}
