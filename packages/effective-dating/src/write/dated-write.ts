import { randomUUID } from 'node:crypto';
import { InvariantViolation } from '@ps/errors';
import { recordEvent, recordEvents, type EventContract, type EventEnvelope } from '@ps/events';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../actor';
import { appendAuditRows, type AuditRow, type AuditSubject } from '../audit/audit.record';
import { decisionRefOf, type DecisionRef } from '../decision/decision.entity';
import { recordChange, type ChangeFacts, type RecordedChange } from '../decision/decision.record';


/** Envelopes per outbox INSERT of `emitMany` (each a few hundred bytes of JSON). */
const EVENTS_PER_INSERT = 2000;
/** What a change event states besides its subject, the same in every producer's events. */
export interface ChangeStatement {
  effectiveDate: string;
  reason: string;
  decision: DecisionRef;
}

/** Where an event belongs: its aggregate (the Kafka key) and the unit it concerns. */
export interface EventPlace {
  aggregateId: string;
  unitPath?: string | null;
  /** The event this one follows from (a seat closed because its organization closed). */
  causationId?: string;
}

/**
 * One write in progress: its transaction, who makes it, the validated change with its recorded
 * decision, and what the audit row will say. Owners of tables write through it; every event it
 * emits carries the actor and the write's correlation id, which the audit row carries too.
 */
export class DatedWrite {
  private subject: AuditSubject | null = null;
  private stateBefore: unknown = null;
  private stateAfter: unknown = null;
  private changedNothing = false;

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly operation: string,
    readonly change: RecordedChange,
    readonly correlationId: string = randomUUID(),
  ) {}

  /** The change's effective date. */
  get date(): string {
    return this.change.effectiveDate;
  }

  /** The cited decision as events carry it. */
  get decision(): DecisionRef {
    return decisionRefOf(this.change.decision);
  }

  /** The change as events state it beside their subject: from when, why, on which decision. */
  get facts(): ChangeStatement {
    return { effectiveDate: this.change.effectiveDate, reason: this.change.reason, decision: this.decision };
  }

  /** Names what the write is about; called again, it keeps the first subject and adds the units. */
  about(subject: AuditSubject): this {
    if (this.subject === null) this.subject = { ...subject, unitPaths: [...subject.unitPaths] };
    else this.concerns(subject.unitPaths);
    return this;
  }

  /** Adds units the write also concerns (a merge concerns every predecessor). */
  concerns(unitPaths: readonly string[]): this {
    if (this.subject === null) throw new InvariantViolation(`${this.operation}: concerns() before about()`);
    this.subject.unitPaths.push(...unitPaths);
    return this;
  }

  /** The state the write starts from, for the audit row. */
  before(state: unknown): this {
    this.stateBefore = state;
    return this;
  }

  /** The state the write leaves, for the audit row. */
  after(state: unknown): this {
    this.stateAfter = state;
    return this;
  }

  /** Records an event in the write's transaction (published if and only if the write commits). */
  emit<Payload>(contract: EventContract<Payload>, payload: Payload, place: EventPlace): Promise<EventEnvelope<Payload>> {
    return recordEvent(this.manager, contract, payload, this.eventMetadata(place));
  }

  /** Records many events of one contract, in order, with one INSERT per 2,000. */
  emitMany<Payload>(
    contract: EventContract<Payload>,
    items: ReadonlyArray<{ payload: Payload; place: EventPlace }>,
  ): Promise<Array<EventEnvelope<Payload>>> {
    return emitAcross(contract, items.map((item) => ({ write: this, ...item })));
  }

  /**
   * Declares that the write found nothing to change (an operator command run a second time):
   * no audit row is written for it. Mutations never call this: each is audited.
   */
  unchanged(): this {
    this.changedNothing = true;
    return this;
  }

  /** Appends the write's one audit row; a write that never said what it was about is a bug. */
  async finish(): Promise<void> {
    await appendAuditRows(this.manager, this.auditRows());
  }

  /** The write's audit row (none when it changed nothing), as `finish` appends it. */
  auditRows(): AuditRow[] {
    if (this.changedNothing) return [];
    if (this.subject === null) throw new InvariantViolation(`${this.operation}: the write never named its subject`);
    return [{
      actor: this.actor,
      operation: this.operation,
      subject: this.subject,
      effectiveDate: this.change.effectiveDate,
      before: this.stateBefore,
      after: this.stateAfter,
      decision: this.change.decision,
      correlationId: this.correlationId,
    }];
  }

  /** What an event of this write carries besides its payload: its place, the actor, the write's correlation id. */
  eventMetadata(place: EventPlace) {
    return {
      aggregateId: place.aggregateId,
      unitPath: place.unitPath ?? null,
      actor: this.actor.userId,
      correlationId: this.correlationId,
      causationId: place.causationId ?? null,
    };
  }
}

/**
 * Records events of one contract for several writes of one transaction (`writeDatedEachIn`),
 * each event carrying its own write's correlation id, in order, with one INSERT per 2,000.
 */
export async function emitAcross<Payload>(
  contract: EventContract<Payload>,
  items: ReadonlyArray<{ write: DatedWrite; payload: Payload; place: EventPlace }>,
): Promise<Array<EventEnvelope<Payload>>> {
  if (items.length === 0) return [];
  const { manager } = items[0].write;
  if (items.some((item) => item.write.manager !== manager)) throw new InvariantViolation('emitAcross: the writes are in different transactions');
  const envelopes: Array<EventEnvelope<Payload>> = [];
  for (let start = 0; start < items.length; start += EVENTS_PER_INSERT) {
    const batch = items.slice(start, start + EVENTS_PER_INSERT);
    envelopes.push(...(await recordEvents(manager, contract, batch.map((item) => ({ payload: item.payload, metadata: item.write.eventMetadata(item.place) })))));
  }
  return envelopes;
}

/** What a write is: who, which operation, on which change (effective date, reason, decision). */
export interface WriteRequest {
  actor: Actor;
  /** The mutation or command, e.g. `mergeUnits`; the audit trail can be filtered by it. */
  operation: string;
  change: ChangeFacts;
}

/**
 * The one way anything effective-dated is written: one transaction that records the decision,
 * runs `work` (locks, closes and opens versions, emits events into the outbox through the
 * write), then appends exactly one audit row. Anything thrown rolls all of it back.
 */
export async function writeDated<T>(dataSource: DataSource, request: WriteRequest, work: (write: DatedWrite) => Promise<T>): Promise<T> {
  return dataSource.transaction((manager) => writeDatedIn(manager, request, work));
}

/**
 * {@link writeDated} inside a transaction already open: a consumer applying an event writes in
 * the transaction of its inbox row, so the write and the event's receipt commit together.
 */
export async function writeDatedIn<T>(manager: EntityManager, request: WriteRequest, work: (write: DatedWrite) => Promise<T>): Promise<T> {
  const change = await recordChange(manager, request.actor, request.change);
  const write = new DatedWrite(manager, request.actor, request.operation, change);
  const result = await work(write);
  await write.finish();
  return result;
}

/**
 * `count` writes of one change by one actor in a transaction already open, each its own write
 * (its own subject, audit row and correlation id, as if written one after another), that `work`
 * makes together with set-based statements (one write serves for the dated rows: they share
 * date, reason, decision and actor). The decision is recorded once; the audit rows are appended
 * in one INSERT, in the writes' order. A consumer following a national reorganisation carries
 * thousands of organizations' members, each carried one recorded transfer.
 */
export async function writeDatedEachIn<T>(manager: EntityManager, request: WriteRequest, count: number, work: (writes: DatedWrite[]) => Promise<T>): Promise<T> {
  const change = await recordChange(manager, request.actor, request.change);
  const writes = Array.from({ length: count }, () => new DatedWrite(manager, request.actor, request.operation, change));
  const result = await work(writes);
  await appendAuditRows(manager, writes.flatMap((write) => write.auditRows()));
  return result;
}
