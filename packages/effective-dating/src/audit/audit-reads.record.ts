import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../actor';

/** One thing read in full: what it is, its label for people, and the unit it belongs to. */
export interface ReadSubject {
  /** GraphQL type of the thing, e.g. `Person`. */
  type: string;
  id: string;
  /** Name and unit, e.g. "Lê Thị Hoa – Xã An Lập (25801)": never a bare uuid. */
  label: string;
  unitCode: string;
  /** ltree path of that unit on the date read; the audit trail is cut by it. */
  unitPath: string;
  /** The fields read of this thing when they are fewer than the batch's (only those holding data). */
  fields?: readonly string[];
}

/** A batch of full reads by one caller, of the same fields, as of one date. */
export interface ReadBatch {
  actor: Actor;
  /** What was read, e.g. `readPersonalData`; the audit trail can be filtered by it. */
  operation: string;
  /** The fields returned in full, e.g. `personalId`, unless a subject names its own; never their values. */
  fields: readonly string[];
  /** The date the things were read as of. */
  asOf: string;
  subjects: readonly ReadSubject[];
}

/**
 * Appends one READ row per subject to `audit_log`, all in one INSERT, sharing one correlation
 * id (the batch), each naming the fields read of it. Nothing is written for an empty batch.
 */
export async function appendReadRows(manager: EntityManager, batch: ReadBatch): Promise<void> {
  if (batch.subjects.length === 0) return;
  const { actor, subjects } = batch;
  await manager.query(
    `INSERT INTO audit_log (kind, user_id, username, role, actor_unit_code, operation, fields, effective_date, correlation_id,
                            target_type, target_id, target_label, unit_code, unit_paths)
     SELECT 'READ', $1, $2, $3, $4, $5, ARRAY(SELECT field FROM jsonb_array_elements_text(read.fields) WITH ORDINALITY AS named (field, n) ORDER BY n), $6::date, $7::uuid,
            read.type, read.id, read.label, read.unit_code, ARRAY[read.path::ltree]
       FROM unnest($8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::jsonb[]) AS read (type, id, label, unit_code, path, fields)`,
    [
      actor.userId,
      actor.username,
      actor.role,
      actor.unitCode,
      batch.operation,
      batch.asOf,
      randomUUID(),
      subjects.map((subject) => subject.type),
      subjects.map((subject) => subject.id),
      subjects.map((subject) => subject.label),
      subjects.map((subject) => subject.unitCode),
      subjects.map((subject) => subject.unitPath),
      subjects.map((subject) => JSON.stringify(subject.fields ?? batch.fields)),
    ],
  );
}
