import { downsizingCandidateReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';

/**
 * The entry point for evaluation's downsizing candidates: each announced candidate is kept,
 * keyed by its event's id, for an officer to decide on (the decision cites it). A redelivery
 * adds nothing.
 */
export function receiveDownsizingCandidates(consumer: InboxConsumer): InboxConsumer {
  return consumer.on(downsizingCandidateReads.downsizingCandidateIdentified, async (event, manager) => {
    const { personId, unitCode, year, groundCode, ratings, ruleSource } = event.payload;
    await manager.query(
      `INSERT INTO downsizing_candidate (id, person_id, unit_code, year, ground_code, ratings, rule_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [event.id, personId, unitCode, year, groundCode, JSON.stringify(ratings), ruleSource],
    );
  });
}
