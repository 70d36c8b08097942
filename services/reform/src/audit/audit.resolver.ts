import { TERRITORY_PROJECTION } from '@ps/auth';
import { auditSectionResolver } from '@ps/effective-dating';

/** This service's page of every audit trail: `AuditTrail.reform`. */
export const ReformAuditResolver = auditSectionResolver('reform', TERRITORY_PROJECTION);
