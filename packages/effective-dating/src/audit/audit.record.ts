import type { EntityManager } from 'typeorm';
import type { Actor } from '../actor';
import { decisionRefOf, type Decision } from '../decision/decision.entity';

/** What a write was about: the thing, its label for people, and the units it concerns. */
export interface AuditSubject {
  /** GraphQL type of the thing, e.g. `AdministrativeUnit`, `Organization`. */
  type: string;
  id: string;
  /** Name and code, e.g. "Xã An Lập (25801)": never a bare uuid. */
  label: string;
  unitCode: string | null;
  /** ltree paths of every unit the write concerns, as they stood; the audit trail is cut by them. */
  unitPaths: string[];
}

/** One audit row, as the write wrapper hands it over. */
export interface AuditRow {
  actor: Actor;
  operation: string;
  subject: AuditSubject;
  effectiveDate: string | null;
  before: unknown;
  after: unknown;
  decision: Decision | null;
  correlationId: string;
}

/** Appends one row to `audit_log` (the table refuses anything but INSERT). */
export function appendAuditRow(manager: EntityManager, row: AuditRow): Promise<void> {
  return appendAuditRows(manager, [row]);
}

/**
 * Appends rows to `audit_log` in one INSERT, in the order given (their ids follow it): a
 * consumer following a national reorganisation records thousands of writes in one transaction.
 */
export async function appendAuditRows(manager: EntityManager, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO audit_log (user_id, username, role, actor_unit_code, operation, target_type, target_id, target_label,
                            unit_code, unit_paths, effective_date, before, after, decision_id, decision, correlation_id)
     SELECT user_id, username, role, actor_unit_code, operation, target_type, target_id, target_label,
            unit_code, unit_paths::ltree[], effective_date, before, after, decision_id, decision, correlation_id
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (
              user_id text, username text, role text, actor_unit_code text, operation text, target_type text, target_id text,
              target_label text, unit_code text, unit_paths text[], effective_date date, before jsonb, after jsonb,
              decision_id uuid, decision jsonb, correlation_id uuid)) WITH ORDINALITY AS audited
      ORDER BY audited.ordinality`,
    [JSON.stringify(rows.map(columnsOf))],
  );
}

function columnsOf(row: AuditRow): Record<string, unknown> {
  const { actor, subject, decision } = row;
  return {
    user_id: actor.userId,
    username: actor.username,
    role: actor.role,
    actor_unit_code: actor.unitCode,
    operation: row.operation,
    target_type: subject.type,
    target_id: subject.id,
    target_label: subject.label,
    unit_code: subject.unitCode,
    unit_paths: [...new Set(subject.unitPaths)],
    effective_date: row.effectiveDate,
    before: row.before ?? null,
    after: row.after ?? null,
    decision_id: decision?.id ?? null,
    decision: decision ? decisionRefOf(decision) : null,
    correlation_id: row.correlationId,
  };
}

