import { z } from 'zod';
import { RatingLevel } from '../rating/rating.entity';

const text = z.string().trim().min(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A rating-based ground for staff downsizing: within `windowYears` consecutive years ending
 * with the year considered, each of `requiredLevels` is the rating of a different year; some
 * grounds apply only when the person volunteers. Its period is the downsizing decree's.
 */
export const downsizingTriggerSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    name: text,
    validFrom: date,
    validTo: date.nullable(),
    windowYears: z.number().int().min(1).max(5),
    requiredLevels: z.array(z.enum(RatingLevel)).min(1),
    needsVolunteering: z.boolean(),
    sourceDocument: text,
    sourceArticle: text,
  })
  .superRefine((trigger, context) => {
    if (trigger.validTo !== null && trigger.validTo <= trigger.validFrom) {
      context.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_EMPTY: thời hạn hiệu lực rỗng / empty period' });
    }
    if (trigger.requiredLevels.length > trigger.windowYears) {
      context.addIssue({ code: 'custom', path: ['requiredLevels'], message: 'WINDOW_TOO_SHORT: số năm ít hơn số mức yêu cầu / fewer years than required ratings' });
    }
  });

export type DownsizingTriggerRule = z.infer<typeof downsizingTriggerSchema>;
