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
export async function appendAuditRow(manager: EntityManager, row: AuditRow): Promise<void> {
  const { actor, subject, decision } = row;
  await manager.query(
    `INSERT INTO audit_log (user_id, username, role, actor_unit_code, operation, target_type, target_id, target_label,
                            unit_code, unit_paths, effective_date, before, after, decision_id, decision, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::ltree[], $11, $12, $13, $14, $15, $16)`,
    [
      actor.userId,
      actor.username,
      actor.role,
      actor.unitCode,
      row.operation,
      subject.type,
      subject.id,
      subject.label,
      subject.unitCode,
      [...new Set(subject.unitPaths)],
      row.effectiveDate,
      json(row.before),
      json(row.after),
      decision?.id ?? null,
      decision ? JSON.stringify(decisionRefOf(decision)) : null,
      row.correlationId,
    ],
  );
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
