import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { decisionRef, decisionRefOf } from '../decision/decision.events';
import type { AdministrativeUnit } from './unit.entity';
import { type Decision } from '@ps/effective-dating';

export const ORGANIZATION_TOPIC = 'organization.events.v1';


/** A unit as events carry it: one version, with the decision that made it. */
export const unitVersion = z.object({
  code: z.string(),
  name: z.string(),
  tier: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE', 'HAMLET']),
  parentCode: z.string().nullable(),
  path: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  decision: decisionRef.nullable(),
});

/** A unit came into being (established, or loaded from the official list). */
export const UnitCreated = defineEvent({
  type: 'UnitCreated',
  version: 1,
  topic: ORGANIZATION_TOPIC,
  payload: unitVersion,
});

export function unitSnapshot(unit: AdministrativeUnit, decision: Decision | null): z.infer<typeof unitVersion> {
  return {
    code: unit.code,
    name: unit.name,
    tier: unit.tier,
    parentCode: unit.parentCode,
    path: unit.path,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    decision: decision ? decisionRefOf(decision) : null,
  };
}
