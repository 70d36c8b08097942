import { z } from 'zod';
import { RatingLevel } from '../rating/rating.entity';
import { bandContradictions, type Contradiction } from './rule-set.contradictions';
import { DISCIPLINE_ORDER, OverrideTrigger, QuotaScope, RatingMethod, RuleSubject } from './rule-set.kinds';

const text = z.string().trim().min(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const percent = z.number().finite();
const level = z.enum(RatingLevel);
/** Nullable, and null when left out (GraphQL leaves an omitted nullable input field undefined). */
const orNull = <T extends z.ZodType>(type: T) => type.nullish().transform((value) => value ?? null);

/** A criterion scored out of its weight (points of 100); qualitative sets list criteria without weights. */
const criterion = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), name: text, weight: orNull(z.number().finite()), article: text });

/**
 * A level's band: points in [from, to) — `to` null for the top band, through the maximum —
 * with what else the level needs (shares of tasks on time, exceeding, late; no disciplined
 * member or sub-unit); a qualitative set states the level's condition in words instead.
 */
const band = z.object({
  level,
  from: orNull(z.number().finite()),
  to: orNull(z.number().finite()),
  condition: orNull(text),
  minOnTimePercent: orNull(percent),
  minExceedingPercent: orNull(percent),
  maxLatePercent: orNull(percent),
  requiresNoDisciplined: z.boolean(),
  article: text,
});

/** At most `maxPercent` of those rated `ofLevel` may be rated `level`, counted per `scope`. */
const quota = z.object({ level, ofLevel: level, maxPercent: percent, scope: z.enum(QuotaScope), article: text });

/** A level forced whatever the score: discipline of `minDiscipline` or worse, or corruption in a leader's unit. */
const override = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  trigger: z.enum(OverrideTrigger),
  minDiscipline: orNull(z.enum(DISCIPLINE_ORDER)),
  leadersOnly: z.boolean(),
  level,
  article: text,
});

const latePenalty = z.object({ percent, article: text });
/** The annual rating is done before `before` (MM-DD) of the rated year; specialised units before `specialisedBefore` of the next. */
const annualDeadline = z.object({ before: monthDay, specialisedBefore: orNull(monthDay), article: text });

const shape = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/),
  name: text,
  appliesTo: z.enum(RuleSubject),
  validFrom: date,
  validTo: orNull(date),
  sourceDocument: text,
  sourceArticle: text,
  method: z.enum(RatingMethod),
  criteria: z.array(criterion).min(1),
  bands: z.array(band).min(1),
  quotas: z.array(quota),
  overrides: z.array(override),
  latePenalty: orNull(latePenalty),
  annualDeadline: orNull(annualDeadline),
});

export type RuleSetDraft = z.infer<typeof shape>;
export type RuleSetContent = Omit<RuleSetDraft, 'code' | 'name' | 'appliesTo' | 'validFrom' | 'validTo' | 'sourceDocument' | 'sourceArticle'>;
export type RatingBandRule = z.infer<typeof band>;
export type RatingQuotaRule = z.infer<typeof quota>;
export type RatingOverrideRule = z.infer<typeof override>;

/** Every contradiction of a well-formed set with itself, each with its reason code. */
function contradictions(set: RuleSetDraft): Contradiction[] {
  const found: Contradiction[] = [];
  if (set.validTo !== null && set.validTo <= set.validFrom) {
    found.push({ reason: 'PERIOD_EMPTY', path: 'validTo', vi: `Thời hạn hiệu lực rỗng (${set.validFrom} – ${set.validTo})`, en: `Empty period (${set.validFrom} – ${set.validTo})` });
  }
  if (set.method === RatingMethod.POINTS) {
    const weights = set.criteria.map((item) => item.weight ?? Number.NaN);
    const sum = weights.reduce((total, weight) => total + weight, 0);
    if (!(Math.abs(sum - 100) < 1e-9) || weights.some((weight) => weight < 0)) {
      found.push({ reason: 'WEIGHTS_NOT_100', path: 'criteria', vi: `Tổng trọng số các tiêu chí phải bằng 100 (đang là ${sum})`, en: `Criteria weights must sum to 100 (they sum to ${sum})` });
    }
  }
  found.push(...bandContradictions(set.method, set.bands));
  set.quotas.forEach((item, index) => {
    if (item.maxPercent < 0 || item.maxPercent > 100) {
      found.push({ reason: 'QUOTA_OUT_OF_RANGE', path: `quotas.${index}.maxPercent`, vi: `Tỷ lệ ${item.level}/${item.ofLevel} phải từ 0 đến 100% (đang là ${item.maxPercent}%)`, en: `Quota ${item.level}/${item.ofLevel} must be 0–100% (it is ${item.maxPercent}%)` });
    }
  });
  set.overrides.forEach((item, index) => {
    if (item.trigger === OverrideTrigger.DISCIPLINE && item.minDiscipline === null) {
      found.push({ reason: 'OVERRIDE_DISCIPLINE_FORM_MISSING', path: `overrides.${index}.minDiscipline`, vi: 'Quy tắc kỷ luật phải nêu hình thức kỷ luật nhẹ nhất áp dụng', en: 'A discipline override must name the mildest form it applies from' });
    }
  });
  if (set.latePenalty && (set.latePenalty.percent < 0 || set.latePenalty.percent > 100)) {
    found.push({ reason: 'PENALTY_OUT_OF_RANGE', path: 'latePenalty.percent', vi: `Mức trừ điểm phải từ 0 đến 100% (đang là ${set.latePenalty.percent}%)`, en: `The penalty must be 0–100% (it is ${set.latePenalty.percent}%)` });
  }
  return found;
}

/** The one schema of a rating rule set: its shape, and every contradiction with itself as an issue carrying the reason. */
export const ratingRuleSetSchema = shape.superRefine((set, context) => {
  for (const found of contradictions(set)) {
    context.addIssue({ code: 'custom', path: found.path.split('.'), message: `${found.vi} / ${found.en}`, params: { contradiction: found } });
  }
});

/** The outcome of validating a rule set: the set as parsed, or every reason it is refused for. */
export type RuleSetValidation = { ok: true; set: RuleSetDraft } | { ok: false; contradictions: Contradiction[] };

/** Validates a rule set on its own; overlap with the other sets of its subject is the service's to add. */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const parsed = ratingRuleSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, set: parsed.data };
  return {
    ok: false,
    contradictions: parsed.error.issues.map((issue) => {
      const stated = issue.code === 'custom' ? (issue.params?.contradiction as Contradiction | undefined) : undefined;
      return stated ?? { reason: 'INVALID_FIELD', path: issue.path.join('.'), vi: `Trường không hợp lệ: ${issue.message}`, en: `Invalid field: ${issue.message}` };
    }),
  };
}
