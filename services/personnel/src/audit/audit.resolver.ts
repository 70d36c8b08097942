import { TERRITORY_PROJECTION } from '@ps/auth';
import { auditSectionResolver } from '@ps/effective-dating';

/** This service's page of every audit trail: `AuditTrail.personnel`. */
export const PersonnelAuditResolver = auditSectionResolver('personnel', TERRITORY_PROJECTION);
