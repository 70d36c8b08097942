import { territoryReads } from '@ps/contracts';
import type { InboxConsumer } from '@ps/events';

/**
 * Records, from organization's `UnitsMerged`, which unit each merged-away unit passed to and
 * when: the roll-up counts a plan of a commune that ceased under its successor from that date,
 * even before the restructuring follower (restructuring.follow.ts, which records the same rows
 * with their decision) has carried the plan there. (A split names no single successor, so a split
 * unit's plans stay with it.) Redelivery changes nothing.
 */
export function projectSuccessions(consumer: InboxConsumer): InboxConsumer {
  return consumer.on(territoryReads.unitsMerged, async ({ payload: { predecessors, successor, effectiveDate } }, manager) => {
    const absorbed = predecessors.filter((code) => code !== successor.code);
    if (absorbed.length === 0) return;
    await manager.query(
      `INSERT INTO reform_unit_succession (predecessor_code, successor_code, effective_date)
       SELECT code, $2, $3::date FROM unnest($1::text[]) AS code
       ON CONFLICT (predecessor_code, effective_date) DO NOTHING`,
      [absorbed, successor.code, effectiveDate],
    );
  });
}
