import type { Principal, Tier } from '@ps/auth';
import { systemActor, type ChangeFacts } from '@ps/effective-dating';
import type { StoryDecision } from './dau-tieng-plan.story';

/** The seed acts as an officer of a unit (the province's for plans, the commune's for its proposal), so the territory checks apply as to anyone. */
export function seedPrincipal(unitCode: string, tier: Tier): Principal {
  return { ...systemActor('seed'), unitCode, tier, capability: 'officer', roles: [], body: null };
}

/** The province the story lay in before 1 July 2025: the seed records the district's plans as its officer. */
export const PROVINCE_OFFICER = seedPrincipal('74', 'PROVINCE');

/** Demo data cites no real document: its decision says so. */
export function demoChange(decision: StoryDecision): ChangeFacts {
  return {
    effectiveDate: decision.on,
    reason: `Dữ liệu mẫu: ${decision.what} / demo data`,
    decision: { number: `MINH-HOA/${decision.number}`, date: decision.on, signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
  };
}

/** Runs `create` unless `existing` finds the thing already recorded (a second run adds nothing); answers its id and whether it was added. */
export async function once(existing: () => Promise<string | undefined>, create: () => Promise<{ id: string }>): Promise<{ id: string; added: number }> {
  const id = await existing();
  if (id !== undefined) return { id, added: 0 };
  return { id: (await create()).id, added: 1 };
}
