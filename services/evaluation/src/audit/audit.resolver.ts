import { TERRITORY_PROJECTION } from '@ps/auth';
import { auditSectionResolver } from '@ps/effective-dating';

/** This service's page of every audit trail: `AuditTrail.evaluation`. */
export const EvaluationAuditResolver = auditSectionResolver('evaluation', TERRITORY_PROJECTION);
