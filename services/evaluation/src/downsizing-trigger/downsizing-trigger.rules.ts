import { InvariantViolation } from '@ps/errors';
import { RatingLevel } from '../rating/rating.entity';
import { TO_VERIFY } from '../rule-set/rule-set.parts';
import { downsizingTriggerSchema, type DownsizingTriggerRule } from './downsizing-trigger.schema';

const D29 = 'Nghị định 29/2023/NĐ-CP ngày 03/6/2023 về tinh giản biên chế';
const D154 = 'Nghị định 154/2025/NĐ-CP ngày 15/6/2025 về tinh giản biên chế';
// The same periods personnel's downsizing grounds carry.
const D29_PERIOD = { validFrom: '2023-07-20', validTo: '2025-06-16' };
const D154_PERIOD = { validFrom: '2025-06-16', validTo: null };

/**
 * The rating grounds of the two decrees: under 29/2023, two consecutive years with one HTNV and
 * one KHTNV, or one KHTNV if the person volunteers; under 154/2025 one KHTNV in the year before
 * or the year considered. "No other suitable job" and the exclusions stay personnel's to apply.
 */
export const DOWNSIZING_TRIGGERS: readonly DownsizingTriggerRule[] = [
  {
    ...D29_PERIOD, code: 'RATED_HTNV_AND_KHTNV_TWO_YEARS', windowYears: 2, requiredLevels: [RatingLevel.HTNV, RatingLevel.KHTNV], needsVolunteering: false,
    name: 'Hai năm liên tiếp liền kề, một năm HTNV và một năm KHTNV, không bố trí được việc làm khác phù hợp',
    sourceDocument: D29, sourceArticle: `Điều 2 khoản 1 ${TO_VERIFY}`,
  },
  {
    ...D29_PERIOD, code: 'RATED_KHTNV_ONE_YEAR', windowYears: 2, requiredLevels: [RatingLevel.KHTNV], needsVolunteering: true,
    name: 'Một năm KHTNV trong năm trước liền kề hoặc năm xét tinh giản, và tự nguyện tinh giản',
    sourceDocument: D29, sourceArticle: `Điều 2 khoản 1 (điều kiện tự nguyện chờ đối chiếu) ${TO_VERIFY}`,
  },
  {
    ...D154_PERIOD, code: 'RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', windowYears: 2, requiredLevels: [RatingLevel.KHTNV], needsVolunteering: false,
    name: 'Xếp loại không hoàn thành nhiệm vụ trong năm trước liền kề hoặc năm xét tinh giản',
    sourceDocument: D154, sourceArticle: `Điều 2 ${TO_VERIFY}`,
  },
];

/** The shipped triggers through their schema: a contradiction in shipped data is a build's bug. */
export function validatedDownsizingTriggers(): DownsizingTriggerRule[] {
  return DOWNSIZING_TRIGGERS.map((trigger) => {
    const parsed = downsizingTriggerSchema.safeParse(trigger);
    if (!parsed.success) throw new InvariantViolation(`shipped downsizing trigger ${trigger.code}: ${parsed.error.message}`);
    return parsed.data;
  });
}
