import { randomUUID } from 'node:crypto';
import { OrganizationCreated, PersonRegistered, type OrganizationVersion } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import type { RunningService } from '@ps/service-kit';
import { publishAndAwait } from '@ps/testing';

const PATHS: Record<string, string> = { '74': '74', '720': '74.720', '25801': '74.720.25801', '25789': '74.720.25789' };
const FACTS = { effectiveDate: '1999-01-01', reason: 'Dữ liệu kiểm thử / test data', decision: { number: 'TEST/1', date: '1999-01-01', signer: 'test' } };

/** An organization of the demo territory, as organization would announce it (in force from 1999 unless said). */
export const organizationIn = (unitCode: string, name: string, overrides: Partial<OrganizationVersion> = {}): OrganizationVersion => ({
  id: randomUUID(), unitCode, parentId: null, kind: 'PEOPLES_COMMITTEE', subtype: null, base: 'UNIT', name, validFrom: '1999-01-01', validTo: null, ...overrides,
});

/** A person, as personnel would register them. */
export const personIn = (unitCode: string, fullName: string) => ({ personId: randomUUID(), fullName, unitCode });

/** Publishes the organizations' and people's events on Kafka and waits until reform has projected them all. */
export async function announceAssignees(
  service: RunningService,
  organizations: readonly OrganizationVersion[],
  people: ReadonlyArray<ReturnType<typeof personIn>>,
): Promise<void> {
  const messages = [
    ...organizations.map((organization) =>
      eventMessage(OrganizationCreated, { organization, ...FACTS }, { aggregateId: organization.id, unitPath: PATHS[organization.unitCode], actor: 'system:test' })),
    ...people.map((person) =>
      eventMessage(PersonRegistered, { ...person, birthYear: null, ...FACTS }, { aggregateId: person.personId, unitPath: PATHS[person.unitCode], actor: 'system:test' })),
  ];
  const ids: string[] = [...organizations.map((organization) => organization.id), ...people.map((person) => person.personId)];
  await publishAndAwait(
    messages,
    (outgoing) => service.bus.publish(outgoing),
    async () =>
      (await service.dataSource.query(
        `SELECT ((SELECT count(DISTINCT id) FROM reform_organization WHERE id = ANY($1::uuid[])) + (SELECT count(*) FROM reform_person WHERE id = ANY($1::uuid[])))::int AS n`,
        [ids],
      ))[0].n,
    'organizations and people projected',
  );
}
