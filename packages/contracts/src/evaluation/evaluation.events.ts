import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { EVALUATION_TOPIC } from '../topics';
import { RATING_LEVELS } from './rating.events';

/** Whom a rating applies to (the evaluation service's `RuleSubject`). */
export const RATED_SUBJECTS = ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'PARTY_MEMBER', 'PARTY_ORGANIZATION'] as const;

const appliedRule = z.object({ rule: z.string(), level: z.enum(RATING_LEVELS), source: z.string(), article: z.string() });

/** A rating downsizing ground of the trigger in force on the decision's date, met by the person's ratings. */
const downsizingGround = z.object({
  groundCode: z.string(),
  ratings: z.array(z.object({ year: z.number().int(), level: z.enum(RATING_LEVELS) })),
  source: z.string(),
  article: z.string(),
});

/**
 * The head of the employing agency decided a person's rating of a year (`revision` 1), or an
 * appeal changed it (`revision` 2, 3, …; `appealId` names the appeal). The latest revision of an
 * evaluation replaces the earlier ones: personnel keeps the rating history, lists the person as
 * a downsizing candidate on each ground in `downsizingGrounds` (evaluated under the triggers in
 * force on the effective date; the exclusions are personnel's to apply) and proposes a reward
 * for HTXS. Keyed by the person, so one person's revisions arrive in order.
 */
export const EvaluationFinalized = defineEvent({
  type: 'EvaluationFinalized',
  version: 1,
  topic: EVALUATION_TOPIC,
  payload: z.object({
    evaluationId: z.string().uuid(),
    revision: z.number().int().min(1),
    appealId: z.string().uuid().nullable(),
    personId: z.string().uuid(),
    fullName: z.string(),
    unitCode: z.string(),
    organizationId: z.string().uuid(),
    titleCode: z.string(),
    subject: z.enum(RATED_SUBJECTS),
    year: z.number().int(),
    level: z.enum(RATING_LEVELS),
    points: z.number().nullable(),
    ruleSet: z.string(),
    ruleSource: z.string(),
    appliedRules: z.array(appliedRule),
    downsizingGrounds: z.array(downsizingGround),
    ...changeFacts,
  }),
});
