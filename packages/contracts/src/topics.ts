/**
 * One topic per producing service, versioned with the topic's layout (not with its events:
 * each event carries its own version). The only place the names are written.
 */

/** Territory, organizations, seats, duties, quotas and restructurings. */
export const ORGANIZATION_TOPIC = 'organization.events.v1';
/** People and their records. */
export const PERSONNEL_TOPIC = 'personnel.events.v1';
/** Ratings and evaluation cycles. */
export const EVALUATION_TOPIC = 'evaluation.events.v1';
/** Reform plans and staffing proposals. */
export const REFORM_TOPIC = 'reform.events.v1';
