import type { OrganizationVersion } from '@ps/contracts';
import type { Organization } from './organization.entity';

/** An organization version as the contracts carry it, without internal columns. */
export function organizationSnapshot(organization: Organization): OrganizationVersion {
  const { id, unitCode, parentId, kind, subtype, base, name, validFrom, validTo } = organization;
  return { id, unitCode, parentId, kind, subtype, base, name, validFrom, validTo };
}
