import type { Principal } from '@ps/auth';
import { BadUserInputError } from '@ps/errors';
import { todayInVietnam } from '@ps/service-kit';
import type { EntityManager } from 'typeorm';
import { Decision } from './decision.entity';
import type { DecisionInput, EffectiveChangeInput } from './decision.inputs';

/** A validated change: trimmed reason, the recorded decision, the effective date. */
export interface EffectiveChange {
  effectiveDate: string;
  reason: string;
  decision: Decision;
}

/**
 * Validates a change and records the decision it cites (the same number, date and signer is
 * one decision). Changes may take effect before or after the decision is signed, but a
 * decision cannot be dated in the future.
 */
export async function recordChange(
  manager: EntityManager,
  principal: Principal,
  change: EffectiveChangeInput,
): Promise<EffectiveChange> {
  const reason = change.reason.trim();
  if (reason.length === 0) throw new BadUserInputError('Thay đổi cần có lý do', 'A change needs a reason');
  return { effectiveDate: change.effectiveDate, reason, decision: await recordDecision(manager, principal, change.decision) };
}

export async function recordDecision(manager: EntityManager, principal: Principal, input: DecisionInput): Promise<Decision> {
  const number = input.number.trim();
  const signer = input.signer.trim();
  if (number.length === 0 || signer.length === 0) {
    throw new BadUserInputError('Quyết định cần có số hiệu và người ký', 'A decision needs a number and a signer');
  }
  if (input.date > todayInVietnam()) {
    throw new BadUserInputError('Ngày ký quyết định ở tương lai', 'The decision is dated in the future', {
      date: input.date,
    });
  }
  await manager.query(
    `INSERT INTO decision (number, decided_on, signer, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (number, decided_on, signer) DO NOTHING`,
    [number, input.date, signer, principal.userId],
  );
  return manager.getRepository(Decision).findOneByOrFail({ number, decidedOn: input.date, signer });
}
