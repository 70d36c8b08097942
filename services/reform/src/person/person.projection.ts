import { reformPersonnelReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';

/**
 * Keeps `reform_person` in step with personnel's registrations: the people a task may name as
 * its owner. Each event is applied with its inbox row, so a redelivery changes nothing; a person
 * registered again keeps one row, with the newer name and unit.
 */
export function projectPeople(consumer: InboxConsumer): InboxConsumer {
  return consumer.on(reformPersonnelReads.personRegistered, async (event, manager) => {
    const { personId, fullName, unitCode } = event.payload;
    await manager.query(
      `INSERT INTO reform_person (id, full_name, unit_code) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code`,
      [personId, fullName, unitCode],
    );
  });
}
