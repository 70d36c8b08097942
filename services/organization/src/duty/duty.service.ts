import { randomUUID } from 'node:crypto';
import type { Principal } from '@ps/auth';
import { DutyChanged } from '@ps/contracts';
import { BadUserInputError } from '@ps/errors';
import { recordEvent } from '@ps/events';
import { foldText, groupBy } from '@ps/service-kit';
import type { DataSource } from 'typeorm';
import type { EffectiveChangeInput } from '../decision/decision.inputs';
import { stampVersion } from '../organization/effective-version.entity';
import { closeVersion, openHeldVersion, writeVersions, type VersionWrite } from '../organization/effective-version.service';
import { dayBefore } from '../territory/validity';
import { requiredText } from '../organization/organization.errors';
import { changeFactsOf } from '../decision/decision.events';
import { heldInForce } from '../organization/organization.scope';
import type { Holder, OrganizationService } from '../organization/organization.service';
import { Duty } from './duty.entity';
import { DutyNotFoundError } from './duty.errors';
import { dutySnapshot } from './duty.events';
import type { AddDutyInput } from './duty.inputs';

/** Functions and duties of organizations: read as of a date inside the territory; written by officers and admins. */
export class DutyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
  ) {}

  /** Duties of each organization as of a date (one query per batch). */
  async ofOrganizations(principal: Principal, organizationIds: readonly string[], asOf: string): Promise<Map<string, Duty[]>> {
    const duties = await heldInForce(this.dataSource.manager, Duty, 'duty', principal, asOf)
      .andWhere('duty.organization_id IN (:...organizationIds)', { organizationIds })
      .orderBy('duty.kind')
      .addOrderBy('duty.text')
      .getMany();
    return groupBy(
      duties.map((duty) => stampVersion(duty, asOf)),
      (duty) => duty.organizationId,
    );
  }

  async add(principal: Principal, organizationId: string, input: AddDutyInput): Promise<Duty> {
    const text = requiredText(input.text, { vi: 'Nội dung nhiệm vụ', en: 'Duty text' });
    const normalizedText = foldText(text);
    if (normalizedText.length === 0) {
      throw new BadUserInputError('Nội dung nhiệm vụ cần có chữ hoặc số', 'Duty text needs letters or digits', { text });
    }
    return writeVersions(this.dataSource, principal, 'officer', input.change, async (write) => {
      const holder = await this.organizations.holderForWrite(write, organizationId);
      const repository = write.manager.getRepository(Duty);
      const duty = repository.create({
        id: randomUUID(),
        organizationId: holder.organization.id,
        kind: input.kind,
        text,
        normalizedText,
        validFrom: write.change.effectiveDate,
        validTo: null,
        reason: write.change.reason,
        decisionId: write.change.decision.id,
        createdBy: write.actor,
      });
      await repository.insert(duty);
      await announce(write, holder, 'ADDED', duty);
      return stampVersion(duty, write.change.effectiveDate);
    });
  }

  /** Ends a duty on the effective date; answers it as of its last day in force. */
  async close(principal: Principal, id: string, changeInput: EffectiveChangeInput): Promise<Duty> {
    return writeVersions(this.dataSource, principal, 'officer', changeInput, async (write) => {
      const held = await openHeldVersion(write, Duty, id, (organizationId) => this.organizations.holderForWrite(write, organizationId));
      if (!held) throw new DutyNotFoundError(id);
      const closed = await closeVersion(write, Duty, held.version);
      await announce(write, held.holder, 'CLOSED', closed);
      return stampVersion(closed, dayBefore(write.change.effectiveDate));
    });
  }
}

function announce(write: VersionWrite, holder: Holder, action: 'ADDED' | 'CLOSED', duty: Duty) {
  return recordEvent(
    write.manager,
    DutyChanged,
    { action, organizationId: holder.organization.id, unitCode: holder.unit.code, duty: dutySnapshot(duty), ...changeFactsOf(write.change) },
    { aggregateId: holder.organization.id, unitPath: holder.unit.path, actor: write.actor },
  );
}
