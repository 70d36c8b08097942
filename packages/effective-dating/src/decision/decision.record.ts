import { BadUserInputError, InvariantViolation } from '@ps/errors';
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
  const [decision] = await recordDecisions(manager, actor, [input]);
  return decision;
}

/**
 * {@link recordDecision} for many decisions in two statements (a national load cites a hundred
 * resolutions); answers them in the order given. A refusal throws, so the caller's transaction
 * records none of them.
 */
export async function recordDecisions(manager: EntityManager, actor: Actor, inputs: readonly DecisionFacts[]): Promise<Decision[]> {
  const wanted = inputs.map((input) => {
    const number = requiredText(input.number, { vi: 'Số hiệu quyết định', en: 'Decision number' });
    const signer = requiredText(input.signer, { vi: 'Người ký quyết định', en: 'Decision signer' });
    if (input.date > todayInVietnam()) {
      throw new BadUserInputError('Ngày ký quyết định ở tương lai', 'The decision is dated in the future', { date: input.date });
    }
    return { number, date: input.date, signer, issuer: input.issuer ?? null };
  });
  if (wanted.length === 0) return [];
  const columns = [wanted.map((w) => w.number), wanted.map((w) => w.date), wanted.map((w) => w.signer)];
  await manager.query(
    `INSERT INTO decision (number, decided_on, signer, issuer, created_by)
     SELECT number, decided_on, signer, issuer, $5 FROM unnest($1::text[], $2::date[], $3::text[], $4::text[]) AS wanted (number, decided_on, signer, issuer)
     ON CONFLICT (number, decided_on, signer) DO NOTHING`,
    [...columns, wanted.map((w) => w.issuer), actor.userId],
  );
  const found = await manager
    .getRepository(Decision)
    .createQueryBuilder('decision')
    .where('(decision.number, decision.decided_on, decision.signer) IN (SELECT * FROM unnest(:numbers::text[], :dates::date[], :signers::text[]))', {
      numbers: columns[0],
      dates: columns[1],
      signers: columns[2],
    })
    .getMany();
  const byFacts = new Map(found.map((decision) => [JSON.stringify([decision.number, decision.decidedOn, decision.signer]), decision]));
  return wanted.map(({ number, date, signer, issuer }) => {
    const decision = byFacts.get(JSON.stringify([number, date, signer]));
    if (!decision) throw new InvariantViolation(`decision ${number} of ${date} was recorded but is not found`);
    if (issuer !== null && decision.issuer !== issuer) {
      throw new BadUserInputError(
        `Quyết định ${number} ngày ${date} đã được ghi nhận với cơ quan ban hành khác (${decision.issuer ?? 'không ghi'})`,
        `Decision ${number} of ${date} is already recorded with another issuer (${decision.issuer ?? 'none'})`,
        { number, date, issuer, recordedIssuer: decision.issuer },
      );
    }
    return decision;
  });
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
