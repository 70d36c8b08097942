import { BadUserInputError } from '@ps/errors';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../actor';
import { todayInVietnam } from '../validity';
import { Decision } from './decision.entity';

/** A decision as a change states it; `issuer` where the rules need one. */
export interface DecisionFacts {
  number: string;
  date: string;
  signer: string;
  issuer?: string | null;
}

/** A change as a write states it: from when, why, on which decision. */
export interface ChangeFacts {
  effectiveDate: string;
  reason: string;
  decision: DecisionFacts;
}

/** A validated change: trimmed reason, the recorded decision, the effective date. */
export interface RecordedChange {
  effectiveDate: string;
  reason: string;
  decision: Decision;
}

const MAX_TEXT = 500;

/**
 * Validates a change and records the decision it cites (the same number, date and signer is
 * one decision). A change may take effect before or after its decision is signed, but a
 * decision cannot be dated in the future.
 */
export async function recordChange(manager: EntityManager, actor: Actor, change: ChangeFacts): Promise<RecordedChange> {
  const reason = requiredText(change.reason, { vi: 'Lý do', en: 'Reason' });
  return { effectiveDate: change.effectiveDate, reason, decision: await recordDecision(manager, actor, change.decision) };
}

/** Records a decision once; citing it again with another issuer is refused. */
export async function recordDecision(manager: EntityManager, actor: Actor, input: DecisionFacts): Promise<Decision> {
  const number = requiredText(input.number, { vi: 'Số hiệu quyết định', en: 'Decision number' });
  const signer = requiredText(input.signer, { vi: 'Người ký quyết định', en: 'Decision signer' });
  if (input.date > todayInVietnam()) {
    throw new BadUserInputError('Ngày ký quyết định ở tương lai', 'The decision is dated in the future', { date: input.date });
  }
  const issuer = input.issuer ?? null;
  await manager.query(
    `INSERT INTO decision (number, decided_on, signer, issuer, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (number, decided_on, signer) DO NOTHING`,
    [number, input.date, signer, issuer, actor.userId],
  );
  const decision = await manager.getRepository(Decision).findOneByOrFail({ number, decidedOn: input.date, signer });
  if (issuer !== null && decision.issuer !== issuer) {
    throw new BadUserInputError(
      `Quyết định ${number} ngày ${input.date} đã được ghi nhận với cơ quan ban hành khác (${decision.issuer ?? 'không ghi'})`,
      `Decision ${number} of ${input.date} is already recorded with another issuer (${decision.issuer ?? 'none'})`,
      { number, date: input.date, issuer, recordedIssuer: decision.issuer },
    );
  }
  return decision;
}

/** Trims a required text; blank or longer than 500 characters is BAD_USER_INPUT. */
export function requiredText(value: string, field: { vi: string; en: string }): string {
  const text = value.trim();
  if (text.length === 0) throw new BadUserInputError(`${field.vi} không được để trống`, `${field.en} is required`);
  if (text.length > MAX_TEXT) {
    throw new BadUserInputError(`${field.vi} dài quá ${MAX_TEXT} ký tự`, `${field.en} is longer than ${MAX_TEXT} characters`);
  }
  return text;
}
