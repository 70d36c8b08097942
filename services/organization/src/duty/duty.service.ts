import { DutyChanged } from '@ps/contracts';
import { randomUUID } from 'node:crypto';
import { requireCapability, type Principal } from '@ps/auth';
import {
  closeHeldBy,
  closeVersion,
  dayBefore,
  insertVersion,
  requiredText,
  stampAsOf,
  writeDated,
  type DatedWrite,
  type EffectiveChangeInput,
} from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';
import { foldText, groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import { heldForWrite, holderForWrite, type Holder } from '../organization/organization.access';
import { organizationLabel } from '../organization/organization.entity';
import { heldInForce } from '../organization/organization.scope';
import { Duty } from './duty.entity';
import { dutySnapshot } from './duty.events';
import type { AddDutyInput } from './duty.inputs';

/** Functions and duties of organizations: read as of a date inside the territory; written by officers and admins. */
export class DutyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Duties of each organization as of a date (one query per batch). */
  async ofOrganizations(principal: Principal, organizationIds: readonly string[], asOf: string): Promise<Map<string, Duty[]>> {
    const duties = await heldInForce(this.dataSource.manager, Duty, 'duty', principal, asOf)
      .andWhere('duty.organization_id IN (:...organizationIds)', { organizationIds })
      .orderBy('duty.kind')
      .addOrderBy('duty.text')
      .getMany();
    return groupBy(
      duties.map((duty) => stampAsOf(duty, asOf)),
      (duty) => duty.organizationId,
    );
  }

  async add(principal: Principal, organizationId: string, input: AddDutyInput): Promise<Duty> {
    requireCapability(principal, 'officer');
    const text = requiredText(input.text, { vi: 'Nội dung nhiệm vụ', en: 'Duty text' });
    const normalizedText = foldText(text);
    if (normalizedText.length === 0) {
      throw new BadUserInputError('Nội dung nhiệm vụ cần có chữ hoặc số', 'Duty text needs letters or digits', { text });
    }
    return writeDated(this.dataSource, { actor: principal, operation: 'addDuty', change: input.change }, async (write) => {
      const holder = await holderForWrite(write, principal, organizationId);
      const duty = await insertVersion(write, Duty, { id: randomUUID(), organizationId: holder.organization.id, kind: input.kind, text, normalizedText });
      about(write, holder, duty).after(dutySnapshot(duty));
      await announceDuty(write, holder, 'ADDED', duty);
      return stampAsOf(duty, write.date);
    });
  }

  /** Ends a duty on the effective date; answers it as of its last day in force. */
  async close(principal: Principal, id: string, change: EffectiveChangeInput): Promise<Duty> {
    requireCapability(principal, 'officer');
    return writeDated(this.dataSource, { actor: principal, operation: 'closeDuty', change }, async (write) => {
      const { version: duty, holder } = await heldForWrite(write, principal, Duty, id, { noun: { vi: 'nhiệm vụ', en: 'duty' }, label: dutyLabel });
      about(write, holder, duty).before(dutySnapshot(duty));
      const closed = await closeVersion(write, Duty, duty, dutyLabel(duty, holder));
      write.after(dutySnapshot(closed));
      await announceDuty(write, holder, 'CLOSED', closed);
      return stampAsOf(closed, dayBefore(write.date));
    });
  }
}

/** Closes, as the owner of `duty`, the duties of organizations a write closes; the caller announces them after the closing. */
export async function closeDutiesOf(write: DatedWrite, holders: readonly Holder[]): Promise<Map<string, Duty[]>> {
  const label = holders.length === 1 ? organizationLabel(holders[0].organization) : `${holders.length} tổ chức`;
  const closed = await closeHeldBy(write, Duty, 'organization_id', holders.map((holder) => holder.organization.id), label);
  return groupBy(closed, (duty) => duty.organizationId);
}

function dutyLabel(duty: Duty, holder: Holder): string {
  return `"${duty.text}" – ${organizationLabel(holder.organization)}`;
}

function about(write: DatedWrite, holder: Holder, duty: Duty): DatedWrite {
  return write.about({ type: 'Duty', id: duty.id, label: dutyLabel(duty, holder), unitCode: holder.unit.code, unitPaths: [holder.unit.path] });
}

/** DutyChanged, keyed by the organization; `causationId` when the organization's own event caused it. */
export function announceDuty(write: DatedWrite, holder: Holder, action: 'ADDED' | 'CLOSED', duty: Duty, causationId?: string) {
  return write.emit(
    DutyChanged,
    { action, organizationId: holder.organization.id, unitCode: holder.unit.code, duty: dutySnapshot(duty), ...write.facts },
    { aggregateId: holder.organization.id, unitPath: holder.unit.path, causationId },
  );
}
