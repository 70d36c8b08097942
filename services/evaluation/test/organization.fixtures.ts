import { OrganizationChanged, OrganizationClosed, OrganizationCreated, type OrganizationVersion } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';

const decision = { number: '1/QĐ-UBND', date: '1999-01-01', signer: 'Chủ tịch UBND huyện' };
const meta = (version: OrganizationVersion) => ({ aggregateId: version.id, actor: 'system:test' });

/** An office of a unit's people's committee, in force from 1999. */
export const office = (id: string, unitCode: string, name: string): OrganizationVersion => ({
  id, unitCode, parentId: null, kind: 'DEPARTMENT', subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null,
});

/** The organization service's announcement of an organization established. */
export const organizationCreated = (version: OrganizationVersion): OutgoingMessage =>
  eventMessage(OrganizationCreated, { organization: version, effectiveDate: version.validFrom, reason: 'Thành lập', decision }, meta(version));

/** The organization renamed from `on`: the version before ends that day. */
export const organizationRenamed = (version: OrganizationVersion, name: string, on: string): OutgoingMessage =>
  eventMessage(
    OrganizationChanged,
    { previous: { ...version, validTo: on }, organization: { ...version, name, validFrom: on, validTo: null }, replaced: false, effectiveDate: on, reason: 'Đổi tên', decision },
    meta(version),
  );

/** The organization closed from `on`, nothing taking over. */
export const organizationClosed = (version: OrganizationVersion, on: string): OutgoingMessage =>
  eventMessage(
    OrganizationClosed,
    { organization: { ...version, validTo: on }, closedSeats: [], closedDuties: [], successorId: null, effectiveDate: on, reason: 'Giải thể', decision },
    meta(version),
  );
