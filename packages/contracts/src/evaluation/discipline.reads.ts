import { consumerView, fieldsRead } from '@ps/events';
import { DisciplineRecorded } from '../personnel/reward-discipline.events';

/**
 * What evaluation reads of personnel's disciplines to force KHTNV: whose, which form, from when
 * and until when (a discipline in the rated year means KHTNV under every rule set).
 */
export const disciplineReads = {
  disciplineRecorded: consumerView(
    DisciplineRecorded,
    fieldsRead(DisciplineRecorded.payload, { disciplineId: true, personId: true, system: true, form: true, endsOn: true, effectiveDate: true }),
  ),
};
