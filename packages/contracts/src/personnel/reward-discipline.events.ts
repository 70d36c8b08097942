import { defineEvent } from '@ps/events';
import { z } from 'zod';
import { changeFacts } from '../organization/decision.events';
import { PERSONNEL_TOPIC } from '../topics';

/** Hình thức kỷ luật, as personnel records them. */
export const DISCIPLINE_FORMS = ['REPRIMAND', 'WARNING', 'SALARY_DEMOTION', 'DEMOTION', 'REMOVAL', 'RECALL', 'DISMISSAL', 'EXPULSION'] as const;
/** Hình thức khen thưởng, as personnel records them. */
export const REWARD_FORMS = ['COMMENDATION', 'CERTIFICATE_OF_MERIT', 'EMULATION_TITLE', 'MEDAL'] as const;

/**
 * A discipline was imposed on a person (Party or administrative), in force from the change's
 * effective date until `endsOn` (null: no end set). Ratings read it (a discipline in the year
 * means KHTNV), as do planning and downsizing. Keyed by the person's id; the violation is the
 * change's reason.
 */
export const DisciplineRecorded = defineEvent({
  type: 'DisciplineRecorded',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    disciplineId: z.string().uuid(),
    personId: z.string().uuid(),
    unitCode: z.string(),
    system: z.enum(['PARTY', 'ADMINISTRATIVE']),
    form: z.enum(DISCIPLINE_FORMS),
    endsOn: z.string().nullable(),
    ...changeFacts,
  }),
});

/** A reward was given to a person on the change's effective date. Keyed by the person's id. */
export const RewardRecorded = defineEvent({
  type: 'RewardRecorded',
  version: 1,
  topic: PERSONNEL_TOPIC,
  payload: z.object({
    rewardId: z.string().uuid(),
    personId: z.string().uuid(),
    unitCode: z.string(),
    form: z.enum(REWARD_FORMS),
    title: z.string(),
    ...changeFacts,
  }),
});
