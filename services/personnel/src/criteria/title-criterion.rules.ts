import { addMonths, monthsBetween } from '@ps/effective-dating';
import type { PersonFacts } from '../facts/person-facts';
import { ageOn } from '../rules/age';
import type { Retirement } from '../retirement/retirement-age.rules';
import { EDUCATION_LEVELS, levelOf, POLITICAL_THEORY_LEVELS, type LevelScale } from './criterion-levels';

export type CriterionKind =
  | 'AGE_AT_APPOINTMENT' | 'EDUCATION' | 'POLITICAL_THEORY' | 'YEARS_IN_RANK' | 'PLANNING_REQUIRED'
  | 'DISCIPLINE_FREE_MONTHS' | 'MONTHS_BEFORE_RETIREMENT' | 'PARTY_MEMBERSHIP';

/** One criterion of a title as the data states it. */
export interface TitleCriterion {
  titleCode: string;
  kind: CriterionKind;
  minimum: number | null;
  maximum: number | null;
  level: string | null;
  source: string;
  article: string;
}

export type Bilingual = { vi: string; en: string };

/** A criterion held against a person: what it asks, what the file shows, met or not and why. */
export interface CriterionResult {
  kind: CriterionKind;
  required: Bilingual;
  actual: Bilingual | null;
  met: boolean;
  /** The file has no record of the fact: the criterion is not met for want of one. */
  noRecord: boolean;
  reason: Bilingual;
  source: string;
  article: string;
}

/** What the evaluation reads besides the person: the date and their retirement under the rules. */
export interface EligibilityContext {
  asOf: string;
  retirement: Retirement | null;
}

type Outcome = Pick<CriterionResult, 'required' | 'actual' | 'met' | 'noRecord' | 'reason'>;
type Evaluator = (criterion: TitleCriterion, facts: PersonFacts, context: EligibilityContext) => Outcome;

const text = (vi: string, en: string): Bilingual => ({ vi, en });

function noRecord(required: Bilingual, fact: Bilingual): Outcome {
  return { required, actual: null, met: false, noRecord: true, reason: text(`Không đạt: hồ sơ chưa có thông tin ${fact.vi}`, `Not met: the file has no record of ${fact.en}`) };
}

function judged(required: Bilingual, actual: Bilingual, met: boolean): Outcome {
  return {
    required, actual, met, noRecord: false,
    reason: met ? text(`Đạt: ${actual.vi}`, `Met: ${actual.en}`) : text(`Không đạt: ${actual.vi}, yêu cầu ${required.vi}`, `Not met: ${actual.en}, required ${required.en}`),
  };
}

function ageWindow({ minimum, maximum }: TitleCriterion, facts: PersonFacts, { asOf }: EligibilityContext): Outcome {
  const required = text(
    [minimum !== null ? `từ ${minimum}` : '', maximum !== null ? `không quá ${maximum}` : ''].filter(Boolean).join(', ') + ' tuổi',
    [minimum !== null ? `at least ${minimum}` : '', maximum !== null ? `at most ${maximum}` : ''].filter(Boolean).join(', ') + ' years old',
  );
  if (!facts.birthDate) return noRecord(required, text('ngày sinh', 'birth date'));
  const age = ageOn(facts.birthDate, asOf);
  return judged(required, text(`${age} tuổi`, `${age} years old`), (minimum === null || age >= minimum) && (maximum === null || age <= maximum));
}

function levelAtLeast(scale: LevelScale, fact: Bilingual, read: (facts: PersonFacts) => string | null): Evaluator {
  return ({ level }, facts) => {
    const wanted = levelOf(scale, level ?? '');
    const required = text(`${fact.vi} từ ${wanted.vi}`, `${fact.en} ${wanted.en} or higher`);
    const held = read(facts);
    if (held === null) return noRecord(required, fact);
    const actual = levelOf(scale, held);
    return judged(required, text(actual.vi, actual.en), actual.rank >= wanted.rank);
  };
}

const EVALUATORS: Record<CriterionKind, Evaluator> = {
  AGE_AT_APPOINTMENT: ageWindow,
  EDUCATION: levelAtLeast(EDUCATION_LEVELS, text('trình độ chuyên môn', 'education'), (facts) => facts.education),
  POLITICAL_THEORY: levelAtLeast(POLITICAL_THEORY_LEVELS, text('lý luận chính trị', 'political theory'), (facts) => facts.politicalTheory),
  YEARS_IN_RANK: ({ minimum }, facts, { asOf }) => {
    const required = text(`giữ ngạch ít nhất ${minimum ?? 0} năm`, `at least ${minimum ?? 0} years in rank`);
    if (!facts.rankSince) return noRecord(required, text('ngạch và ngày bổ nhiệm ngạch', 'rank and its date'));
    const years = Math.floor(monthsBetween(facts.rankSince, asOf) / 12);
    return judged(required, text(`${years} năm trong ngạch`, `${years} years in rank`), years >= (minimum ?? 0));
  },
  PLANNING_REQUIRED: ({ titleCode }, facts) => {
    const planned = facts.planned.find((position) => position.titleCode === titleCode);
    return judged(
      text('có trong quy hoạch chức danh này', 'on the planning list for this title'),
      planned ? text(`quy hoạch nhiệm kỳ ${planned.termStart}-${planned.termEnd} tại ${planned.unitCode}`, `planned for ${planned.termStart}-${planned.termEnd} at ${planned.unitCode}`)
        : text('chưa có trong quy hoạch chức danh này', 'not on the planning list for this title'),
      planned !== undefined,
    );
  },
  DISCIPLINE_FREE_MONTHS: ({ minimum }, facts, { asOf }) => {
    const required = text(`không bị kỷ luật trong ${minimum ?? 0} tháng gần nhất`, `no discipline in the last ${minimum ?? 0} months`);
    if (facts.disciplines === null) return noRecord(required, text('kỷ luật', 'disciplines'));
    const recent = facts.disciplines.filter((discipline) => addMonths(discipline.decidedOn, minimum ?? 0) > asOf);
    const latest = recent.map((discipline) => discipline.decidedOn).sort().pop();
    return judged(required, latest ? text(`bị kỷ luật ngày ${latest}`, `disciplined on ${latest}`) : text('không bị kỷ luật trong thời gian đó', 'no discipline then'), !latest);
  },
  MONTHS_BEFORE_RETIREMENT: ({ minimum }, _facts, { asOf, retirement }) => {
    const required = text(`còn ít nhất ${minimum ?? 0} tháng đến tuổi nghỉ hưu`, `at least ${minimum ?? 0} months before retirement age`);
    if (!retirement) return noRecord(required, text('ngày sinh, giới tính', 'birth date and gender'));
    const left = monthsBetween(asOf, retirement.date);
    return judged(required, text(`còn ${left} tháng (nghỉ hưu ngày ${retirement.date}, ${retirement.age.vi})`, `${left} months left (retires on ${retirement.date}, ${retirement.age.en})`), left >= (minimum ?? 0));
  },
  PARTY_MEMBERSHIP: (_criterion, facts) => judged(
    text('là đảng viên', 'a Party member'),
    facts.partyAdmissionDate ? text(`đảng viên từ ${facts.partyAdmissionDate}`, `Party member since ${facts.partyAdmissionDate}`) : text('không có đảng tịch', 'no Party membership on record'),
    facts.partyAdmissionDate !== null,
  ),
};

/** Every criterion of a title held against a person's facts, in the order given. */
export function evaluateCriteria(criteria: readonly TitleCriterion[], facts: PersonFacts, context: EligibilityContext): CriterionResult[] {
  return criteria.map((criterion) => ({
    kind: criterion.kind, source: criterion.source, article: criterion.article, ...EVALUATORS[criterion.kind](criterion, facts, context),
  }));
}
