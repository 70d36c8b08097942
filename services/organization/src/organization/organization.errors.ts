import { BadUserInputError, DomainError } from '@ps/errors';

/** An organization cannot close while organizations under it stay open. */
export class OrganizationHasChildrenError extends DomainError {
  constructor(label: string, children: Array<{ id: string; label: string }>) {
    super(
      'ORGANIZATION_HAS_CHILDREN',
      {
        vi: `${label} còn ${children.length} tổ chức trực thuộc chưa giải thể: ${children.map((child) => child.label).join('; ')}`,
        en: `${label} still has ${children.length} open child organization(s): ${children.map((child) => child.label).join('; ')}`,
      },
      { details: { children: children.map((child) => child.id) } },
    );
  }
}

/** The parent named for an organization cannot hold it (kind, place, closing, or a cycle). */
export class InvalidParentOrganizationError extends DomainError {
  constructor(vi: string, en: string, details: Record<string, unknown>) {
    super('ORGANIZATION_PARENT_INVALID', { vi, en }, { details });
  }
}

/** A kind, subtype or base the organization rules refuse. */
export class InvalidOrganizationError extends BadUserInputError {}

/** Nothing was asked to change. */
export class NothingToChangeError extends BadUserInputError {
  constructor() {
    super('Không có gì để thay đổi', 'Nothing to change');
  }
}
