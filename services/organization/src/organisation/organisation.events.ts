import { defineEvent } from '@ps/events';
import { z } from 'zod';
import type { Decision } from '../decision/decision.entity';
import type { EffectiveChange } from '../decision/decision.service';
import { ORGANIZATION_TOPIC } from '../unit/unit.events';
import { OrganizationKind, type Organization } from './organisation.entity';

/** What every change event states besides its subject: from when, why, on which decision. */
export const changeFacts = {
  effectiveDate: z.string(),
  reason: z.string(),
  decision: z.object({ number: z.string(), date: z.string(), signer: z.string() }),
};

export function changeFactsOf(change: EffectiveChange): { effectiveDate: string; reason: string; decision: DecisionRef } {
  return { effectiveDate: change.effectiveDate, reason: change.reason, decision: decisionRef(change.decision) };
}

type DecisionRef = z.infer<typeof changeFacts.decision>;

function decisionRef(decision: Decision): DecisionRef {
  return { number: decision.number, date: decision.decidedOn, signer: decision.signer };
}

/** An organisation as events carry it: one version. */
export const organizationVersion = z.object({
  id: z.string().uuid(),
  unitCode: z.string(),
  parentId: z.string().uuid().nullable(),
  kind: z.enum(OrganizationKind),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export function organizationSnapshot(organization: Organization): z.infer<typeof organizationVersion> {
  const { id, unitCode, parentId, kind, name, validFrom, validTo } = organization;
  return { id, unitCode, parentId, kind, name, validFrom, validTo };
}

/** An organisation was established in a unit. */
export const OrganizationCreated = defineEvent({
  type: 'OrganizationCreated',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ organization: organizationVersion, ...changeFacts }),
});

/**
 * An organisation changed name, kind or parent from the effective date. `previous` is the
 * version it follows, or, when `replaced`, the same-day version it overwrote.
 */
export const OrganizationChanged = defineEvent({
  type: 'OrganizationChanged',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({ previous: organizationVersion, organization: organizationVersion, replaced: z.boolean(), ...changeFacts }),
});

/** An organisation closed; the seats and duties it held closed with it on the same date. */
export const OrganizationClosed = defineEvent({
  type: 'OrganizationClosed',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: z.object({
    organization: organizationVersion,
    closedSeats: z.array(z.string().uuid()),
    closedDuties: z.array(z.string().uuid()),
    ...changeFacts,
  }),
});
