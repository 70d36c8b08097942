import { disciplineReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';

/**
 * Keeps `discipline_fact` from personnel's DisciplineRecorded: whose, which form, in force from
 * the change's effective date until `endsOn`. A redelivery (or a restatement of the same
 * discipline) leaves one row holding what was last stated.
 */
export function projectDisciplines(consumer: InboxConsumer): InboxConsumer {
  return consumer.on(disciplineReads.disciplineRecorded, async ({ payload }, manager) => {
    await manager.query(
      `INSERT INTO discipline_fact (discipline_id, person_id, system, form, valid_from, ends_on) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (discipline_id) DO UPDATE SET person_id = EXCLUDED.person_id, system = EXCLUDED.system, form = EXCLUDED.form,
                                                 valid_from = EXCLUDED.valid_from, ends_on = EXCLUDED.ends_on`,
      [payload.disciplineId, payload.personId, payload.system, payload.form, payload.effectiveDate, payload.endsOn],
    );
  });
}
