import { randomUUID } from 'node:crypto';
import { EvaluationFinalized } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';

type Level = 'HTXS' | 'HTT' | 'HTNV' | 'KHTNV';

/** The rating downsizing grounds as evaluation states them, with the decree and article. */
export const GROUNDS = {
  d29TwoYears: (ratings: Array<{ year: number; level: Level }>) => ({
    groundCode: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', ratings, source: 'Nghị định 29/2023/NĐ-CP', article: 'Điều 2 khoản 1',
  }),
  d154Khtnv: (year: number) => ({
    groundCode: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', ratings: [{ year, level: 'KHTNV' as const }], source: 'Nghị định 154/2025/NĐ-CP', article: 'Điều 2',
  }),
};

export interface FinalizedFacts {
  person: { id: string; fullName: string; unitCode: string };
  year: number;
  level: Level;
  effectiveDate: string;
  evaluationId?: string;
  revision?: number;
  grounds?: Array<ReturnType<(typeof GROUNDS)[keyof typeof GROUNDS]>>;
}

const ORGANIZATION_ID = '0b6c5f3e-3f54-4d6c-9c39-5a1d2e4f6a70';

/** `EvaluationFinalized` as evaluation publishes it for a civil servant, keyed by the person; revision 1 unless an appeal's. */
export function finalizedEvaluation(facts: FinalizedFacts): OutgoingMessage {
  const revision = facts.revision ?? 1;
  const ruleSet = facts.effectiveDate < '2026-01-01' ? 'ND90-2020-ND48-2023' : 'ND335-2025';
  return eventMessage(EvaluationFinalized, {
    evaluationId: facts.evaluationId ?? randomUUID(),
    revision,
    appealId: revision > 1 ? randomUUID() : null,
    personId: facts.person.id,
    fullName: facts.person.fullName,
    unitCode: facts.person.unitCode,
    organizationId: ORGANIZATION_ID,
    titleCode: 'CC-XA-VHXH',
    subject: 'CIVIL_SERVANT',
    year: facts.year,
    level: facts.level,
    points: facts.level === 'HTXS' ? 92 : facts.level === 'HTT' ? 80 : facts.level === 'HTNV' ? 60 : 40,
    ruleSet,
    ruleSource: ruleSet === 'ND335-2025' ? 'Nghị định 335/2025/NĐ-CP' : 'Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP',
    appliedRules: [],
    downsizingGrounds: facts.grounds ?? [],
    effectiveDate: facts.effectiveDate,
    reason: revision > 1 ? 'Kết quả giải quyết khiếu nại' : 'Quyết định của người đứng đầu',
    decision: { number: `${revision}/QĐ-UBND`, date: facts.effectiveDate, signer: 'Chủ tịch UBND xã' },
  }, { aggregateId: facts.person.id, actor: 'system:test' });
}

/** The evaluation id a message carries, for the next revision of the same evaluation. */
export const evaluationIdOf = (message: OutgoingMessage): string => (JSON.parse(message.value) as { payload: { evaluationId: string } }).payload.evaluationId;
