import { AssignmentChanged, PERSONNEL_TOPIC, PersonRegistered } from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';
import { loadEnv, serviceEnvSchema, startService, type RunningService } from '@ps/service-kit';
import { eventually, publishAndAwait, recreateTestDatabase, rowCounts, serviceTestEnv } from '@ps/testing';
import { evaluationService } from '../src/service';

/** Personnel's people and posts, projected into evaluation from real Kafka. */
const env = loadEnv(serviceEnvSchema, serviceTestEnv('evaluation'));
let service: RunningService;

const CLERK = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const CHAIR = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
const CLERK_POST = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';
const CHAIR_POST = '4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a';
const AN_LAP_COMMITTEE = '5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8a9b';
const THANH_AN_COMMITTEE = '6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8a9b0c';
const decision = { number: '15/QĐ-UBND', date: '2011-06-20', signer: 'Chủ tịch UBND huyện' };
const facts = (effectiveDate: string, reason: string) => ({ effectiveDate, reason, decision: { ...decision, date: effectiveDate } });

const registered = (personId: string, fullName: string, extra: Record<string, unknown>) =>
  eventMessage(PersonRegistered, { personId, fullName, birthYear: 1980, unitCode: '25801', ...extra }, { aggregateId: personId, actor: 'system:test' });
const post = (assignmentId: string, personId: string, action: 'ASSIGNED' | 'MOVED' | 'ENDED', place: { organizationId: string; unitCode: string }, titleCode: string, date: string, concurrent = false) =>
  eventMessage(
    AssignmentChanged,
    { assignmentId, personId, action, ...place, titleCode, seatId: null, concurrent, endReason: action === 'ENDED' ? 'TERM_ENDED' : null, ...facts(date, `${action} ${titleCode}`) },
    { aggregateId: assignmentId, actor: 'system:test' },
  );
const anLap = { organizationId: AN_LAP_COMMITTEE, unitCode: '25801' };
const thanhAn = { organizationId: THANH_AN_COMMITTEE, unitCode: '25807' };

/** A clerk registered with the e-file's category, posted from 2011 and carried to the successor commune in 2025; a chair from an older event without a category, concurrent, whose term ended in 2016. */
const messages: OutgoingMessage[] = [
  registered(CLERK, 'Nguyễn Văn Mẫu 0001', { gender: 'MALE', category: 'CIVIL_SERVANT', ...facts('2011-07-01', 'Tiếp nhận') }),
  registered(CHAIR, 'Trần Thị Mẫu 0002', {}),
  post(CLERK_POST, CLERK, 'ASSIGNED', anLap, 'COMMUNE_OFFICE_STATISTICS', '2011-07-01'),
  post(CLERK_POST, CLERK, 'MOVED', thanhAn, 'COMMUNE_OFFICE_STATISTICS', '2025-07-01'),
  post(CHAIR_POST, CHAIR, 'ASSIGNED', anLap, 'COMMUNE_COMMITTEE_CHAIR', '2011-07-01', true),
  post(CHAIR_POST, CHAIR, 'ENDED', anLap, 'COMMUNE_COMMITTEE_CHAIR', '2016-07-01', true),
];

const projected = () => rowCounts((sql) => service.dataSource.query(sql), ['rated_person', 'rated_post', 'inbox']);
const people = () => service.dataSource.query('SELECT id, full_name AS "fullName", unit_code AS "unitCode", category FROM rated_person ORDER BY full_name');
const posts = () =>
  service.dataSource.query(`SELECT assignment_id AS "assignmentId", person_id AS "personId", organization_id AS "organizationId", title_code AS "titleCode", unit_code AS "unitCode",
    concurrent, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rated_post ORDER BY title_code DESC, valid_from`);

beforeAll(async () => {
  await recreateTestDatabase(env.DATABASE_URL);
  service = await startService(evaluationService, env);
  await publishAndAwait(messages, (batch) => service.bus.publish(batch), async () => {
    // the last two events of each post have been applied when each post has its final shape
    const [{ n }] = await service.dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1', ['evaluation.personnel']);
    return n;
  }, 'people and posts projected');
});

afterAll(() => service?.stop());

describe('the projection of personnel’s people and posts', () => {
  it('knows each person by name, unit and category (none from an event older than the e-file)', async () => {
    expect(await people()).toEqual([
      { id: CLERK, fullName: 'Nguyễn Văn Mẫu 0001', unitCode: '25801', category: 'CIVIL_SERVANT' },
      { id: CHAIR, fullName: 'Trần Thị Mẫu 0002', unitCode: '25801', category: null },
    ]);
  });

  it('keeps a post’s versions: moved to the successor’s organization from the merger, ended when the term ended', async () => {
    expect(await posts()).toEqual([
      { assignmentId: CLERK_POST, personId: CLERK, ...anLap, titleCode: 'COMMUNE_OFFICE_STATISTICS', concurrent: false, validFrom: '2011-07-01', validTo: '2025-07-01' },
      { assignmentId: CLERK_POST, personId: CLERK, ...thanhAn, titleCode: 'COMMUNE_OFFICE_STATISTICS', concurrent: false, validFrom: '2025-07-01', validTo: null },
      { assignmentId: CHAIR_POST, personId: CHAIR, ...anLap, titleCode: 'COMMUNE_COMMITTEE_CHAIR', concurrent: true, validFrom: '2011-07-01', validTo: '2016-07-01' },
    ]);
  });

  it('changes nothing when the same events are delivered again', async () => {
    const before = { counts: await projected(), people: await people(), posts: await posts() };
    const delivered = (await service.bus.readAll(PERSONNEL_TOPIC)).filter((message) => ['PersonRegistered', 'AssignmentChanged'].includes(JSON.parse(message.value ?? '{}').type));
    expect(delivered).toHaveLength(messages.length);
    await service.bus.publish(delivered.map((message) => ({ topic: PERSONNEL_TOPIC, key: message.key ?? '', value: message.value ?? '' })));
    await eventually(async () => ((await service.bus.consumerLag('evaluation.personnel', PERSONNEL_TOPIC)) === 0 ? true : undefined), { what: 'redeliveries consumed' });
    expect({ counts: await projected(), people: await people(), posts: await posts() }).toEqual(before);
  });
});
