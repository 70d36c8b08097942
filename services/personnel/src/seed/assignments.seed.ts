import { randomUUID } from 'node:crypto';
import { AssignmentChanged } from '@ps/contracts';
import { inForceOn, systemActor, writeDated, type ChangeFacts, type DatedWrite } from '@ps/effective-dating';
import type { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Assignment } from '../assignment/assignment.entity';
import { DEMO_POSTS_FROM, demoAssignments, type DemoAssignment, type DemoPostPlace } from './assignments.story';
import { DEMO_PERSONAL_ID_PROVINCE } from './party-members.story';

const DISTRICT = '720';
const BATCH = 500;

const DEMO_CHANGE: ChangeFacts = {
  effectiveDate: DEMO_POSTS_FROM,
  reason: 'Dữ liệu mẫu: cán bộ, công chức của câu chuyện Dầu Tiếng / demo data: the Dầu Tiếng story’s posts',
  decision: { number: 'MINH-HOA/PHAN-CONG-MAU', date: DEMO_POSTS_FROM, signer: 'Dữ liệu minh họa, không phải văn bản thật / illustrative, not a real document' },
};

interface PlaceRow {
  unitCode: string;
  tier: DemoPostPlace['tier'];
  kind: 'PARTY_COMMITTEE' | 'PEOPLES_COMMITTEE';
  organizationId: string;
}

/**
 * The district and its communes on the story's date, with their Party committee and People's
 * Committee as the projection holds them, and their demo people then (by personal ID).
 */
export async function dauTiengPostPlaces(dataSource: DataSource): Promise<DemoPostPlace[]> {
  const rows: PlaceRow[] = await dataSource.query(
    `SELECT unit.code AS "unitCode", unit.tier, organization.kind, organization.id AS "organizationId"
       FROM territory_unit unit
       JOIN organization ON organization.unit_code = unit.code AND organization.kind IN ('PARTY_COMMITTEE', 'PEOPLES_COMMITTEE')
        AND ${inForceOn('organization', '$2')}
      WHERE unit.path <@ (SELECT path FROM territory_unit WHERE code = $1 ORDER BY valid_from LIMIT 1) AND ${inForceOn('unit', '$2')}
      ORDER BY unit.code`,
    [DISTRICT, DEMO_POSTS_FROM],
  );
  const people: Array<{ unitCode: string; ids: string[] }> = await dataSource.query(
    `SELECT unit_code AS "unitCode", array_agg(id::text ORDER BY personal_id) AS ids FROM person
      WHERE personal_id LIKE $1 AND unit_code = ANY($2::text[]) AND ${inForceOn('', '$3')} GROUP BY unit_code`,
    [`${DEMO_PERSONAL_ID_PROVINCE}%`, [...new Set(rows.map((row) => row.unitCode))], DEMO_POSTS_FROM],
  );
  const peopleOf = new Map(people.map((row) => [row.unitCode, row.ids]));
  const places = new Map<string, DemoPostPlace>();
  for (const row of rows) {
    const place = places.get(row.unitCode) ?? { unitCode: row.unitCode, tier: row.tier, organizations: {}, people: peopleOf.get(row.unitCode) ?? [] };
    places.set(row.unitCode, { ...place, organizations: { ...place.organizations, [row.kind]: row.organizationId } });
  }
  return [...places.values()];
}

/**
 * Records the story's posts once (nothing when demo people already hold one) in batched
 * INSERTs through one dated write (one decision, one audit row), with an AssignmentChanged
 * for each. Returns how many.
 */
export async function seedDauTiengAssignments(dataSource: DataSource): Promise<number> {
  const places = await dauTiengPostPlaces(dataSource);
  return writeDated(dataSource, { actor: systemActor('seed'), operation: 'seedDauTiengAssignments', change: DEMO_CHANGE }, async (write) => {
    const [{ present }] = await write.manager.query(
      'SELECT count(*)::int AS present FROM assignment JOIN person ON person.id = assignment.person_id WHERE person.personal_id LIKE $1',
      [`${DEMO_PERSONAL_ID_PROVINCE}%`],
    );
    const assignments = present > 0 ? [] : demoAssignments(places);
    const [{ path }] = await write.manager.query('SELECT path::text AS path FROM territory_unit WHERE code = $1 ORDER BY valid_from LIMIT 1', [DISTRICT]);
    write.about({ type: 'Assignment', id: DISTRICT, label: 'Phân công cán bộ huyện Dầu Tiếng (dữ liệu mẫu) / demo posts', unitCode: DISTRICT, unitPaths: [path] });
    if (assignments.length === 0) {
      write.unchanged();
      return 0;
    }
    write.after({ assignments: assignments.length, concurrent: assignments.filter((row) => row.concurrent).length });
    for (let start = 0; start < assignments.length; start += BATCH) await insertBatch(write, assignments.slice(start, start + BATCH));
    return assignments.length;
  });
}

async function insertBatch(write: DatedWrite, assignments: readonly DemoAssignment[]): Promise<void> {
  const started = { reason: write.change.reason, decisionId: write.change.decision.id, createdBy: write.actor.userId, validFrom: write.date, validTo: null };
  const rows = assignments.map((assignment) => ({ ...assignment, id: randomUUID() }));
  await write.manager.getRepository(Assignment).insert(
    rows.map(({ id, personId, organizationId, titleCode, concurrent }): QueryDeepPartialEntity<Assignment> => ({
      ...started, id, personId, organizationId, titleCode, concurrent, seatId: null, endReason: null,
    })),
  );
  await write.emitMany(AssignmentChanged, rows.map((row) => ({
    payload: {
      assignmentId: row.id, personId: row.personId, action: 'ASSIGNED' as const, organizationId: row.organizationId, titleCode: row.titleCode,
      seatId: null, concurrent: row.concurrent, unitCode: row.unitCode, endReason: null, ...write.facts,
    },
    place: { aggregateId: row.id },
  })));
}
