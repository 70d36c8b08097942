// The rows of each table, as generators over the structure and the people: the organization's
// own rows, personnel's people and posts, and each service's projections exactly as its
// projection code writes them from the events (same columns, open-ended versions).
import { idsOf } from './determinism.mjs';

const REASON = 'Dữ liệu sinh tự động: lực lượng cán bộ, công chức, viên chức toàn quốc / generated national workforce';

function* range(total, row) {
  for (let i = 0; i < total; i += 1) {
    const value = row(i);
    if (Array.isArray(value[0])) yield* value;
    else if (value.length > 0) yield value;
  }
}

/** One audit row for the whole generation, as the territory load writes one per tree. */
function auditRow(context, operation, counts) {
  const provinces = context.structure.organizations.filter((org) => org.unitTier === 'PROVINCE' && org.kind === 'PARTY_ORGANIZATION').map((org) => org.unitCode);
  return {
    table: 'audit_log',
    columns: ['occurred_at', 'user_id', 'username', 'role', 'actor_unit_code', 'operation', 'target_type', 'target_id', 'target_label', 'unit_paths', 'effective_date', 'after', 'correlation_id', 'kind'],
    total: 1,
    rows: [[context.generatedAt, context.createdBy, context.createdBy, 'system', 'VN', operation, 'Territory', 'VN', 'Lãnh thổ toàn quốc / the national territory',
      `{${[...new Set(provinces)].join(',')}}`, '2024-01-01', JSON.stringify({ seed: context.seed, scale: context.scale, ...counts }), idsOf(context.seed, 'audit')(0), 'WRITE']],
  };
}

/** The territory projection (personnel, evaluation, reform): every version of every unit as organization holds it. */
const territoryProjection = (units) => ({
  table: 'territory_unit',
  onlyIfEmpty: true,
  columns: ['code', 'valid_from', 'valid_to', 'path', 'name', 'tier', 'parent_code', 'stated_at', 'updated_at'],
  total: units.length,
  rows: units.map((unit) => [unit.code, unit.valid_from, unit.valid_to, unit.path, unit.name, unit.tier, unit.parent_code, unit.stated_at.toISOString(), unit.stated_at.toISOString()]),
});

export const projectionRows = {
  organization(context) {
    const { organizations } = context.structure;
    const versionId = idsOf(context.seed, 'organization-version');
    return [
      {
        table: 'organization',
        columns: ['version_id', 'id', 'unit_code', 'parent_id', 'kind', 'subtype', 'base', 'name', 'search_name', 'valid_from', 'reason', 'created_by', 'created_at'],
        total: organizations.length,
        rows: organizations.map((org) => [versionId(org.index), org.id, org.unitCode, org.parentId, org.kind, org.subtype, org.base, org.name, org.searchName, org.validFrom, REASON, context.createdBy, context.generatedAt]),
      },
      auditRow(context, 'generateWorkforce', { organizations: organizations.length }),
    ];
  },
  personnel(context, units) {
    const { organizations } = context.structure;
    return [
      territoryProjection(units),
      {
        table: 'organization',
        columns: ['id', 'valid_from', 'valid_to', 'unit_code', 'parent_id', 'kind', 'name', 'updated_at'],
        total: organizations.length,
        rows: organizations.map((org) => [org.id, org.validFrom, null, org.unitCode, org.parentId, org.kind, org.name, context.generatedAt]),
      },
    ];
  },
  evaluation(context, units) {
    const { organizations } = context.structure;
    const { people } = context;
    return [
      territoryProjection(units),
      { table: 'rated_organization', columns: ['id', 'valid_from', 'valid_to', 'name'], total: organizations.length, rows: organizations.map((org) => [org.id, org.validFrom, null, org.name]) },
      {
        table: 'rated_person', columns: ['id', 'full_name', 'unit_code', 'category'], total: people.total,
        rows: range(people.total, (i) => { const p = people.personAt(i); return [p.id, p.fullName, p.unitCode, p.category]; }),
      },
      {
        table: 'rated_post', columns: ['assignment_id', 'valid_from', 'valid_to', 'person_id', 'organization_id', 'title_code', 'unit_code', 'concurrent'], total: people.counts.workforce,
        rows: range(people.counts.workforce, (i) => postsOf(people.personAt(i)).map((post) => [post.id, people.validFrom, null, post.personId, post.org.id, post.titleCode, post.org.unitCode, post.concurrent])),
      },
    ];
  },
  reform(context, units) {
    const { organizations } = context.structure;
    const { people } = context;
    return [
      territoryProjection(units),
      { table: 'reform_organization', columns: ['id', 'valid_from', 'valid_to', 'unit_code', 'name', 'kind'], total: organizations.length, rows: organizations.map((org) => [org.id, org.validFrom, null, org.unitCode, org.name, org.kind]) },
      { table: 'reform_person', columns: ['id', 'full_name', 'unit_code'], total: people.total, rows: range(people.total, (i) => { const p = people.personAt(i); return [p.id, p.fullName, p.unitCode]; }) },
    ];
  },
};

/** A person's posts: the main one, and the concurrent one if any. */
function postsOf(person) {
  const posts = [];
  if (person.assignment) posts.push({ ...person.assignment, personId: person.id, concurrent: false });
  if (person.concurrent) posts.push({ ...person.concurrent, personId: person.id, concurrent: true });
  return posts;
}

/** Personnel's own tables: people (personal IDs under the never-issued province 000), posts and Party membership. */
export function personnelRows(context) {
  const { people, seed } = context;
  const personVersion = idsOf(seed, 'person-version');
  const assignmentVersion = idsOf(seed, 'assignment-version');
  const membershipVersion = idsOf(seed, 'party-membership-version');
  const serials = new Map();
  const personalId = (person) => {
    const century = (person.birthYear >= 2000 ? 2 : 0) + (person.gender === 'FEMALE' ? 1 : 0);
    const key = `${century}${String(person.birthYear % 100).padStart(2, '0')}`;
    const serial = serials.get(key) ?? 0;
    serials.set(key, serial + 1);
    return `000${key}${String(serial).padStart(6, '0')}`;
  };
  const audit = [context.createdBy, context.generatedAt];
  return [
    {
      table: 'person',
      columns: ['version_id', 'id', 'full_name', 'birth_year', 'birth_date', 'gender', 'ethnicity', 'home_place', 'category', 'professional_level', 'personal_id', 'unit_code', 'valid_from', 'reason', 'created_by', 'created_at'],
      total: people.total,
      rows: range(people.total, (i) => {
        const p = people.personAt(i);
        return [personVersion(i), p.id, p.fullName, p.birthYear, p.birthDate, p.gender, p.ethnicity, p.homePlace, p.category, p.professionalLevel, personalId(p), p.unitCode, people.validFrom, REASON, ...audit];
      }),
    },
    {
      table: 'assignment',
      columns: ['version_id', 'id', 'person_id', 'organization_id', 'title_code', 'concurrent', 'valid_from', 'reason', 'created_by', 'created_at'],
      total: people.counts.workforce,
      rows: range(people.counts.workforce, (i) =>
        postsOf(people.personAt(i)).map((post) => [assignmentVersion(post.concurrent ? 2 * i + 1 : 2 * i), post.id, post.personId, post.org.id, post.titleCode, post.concurrent, people.validFrom, REASON, ...audit])),
    },
    {
      table: 'party_membership',
      columns: ['version_id', 'id', 'person_id', 'party_organization_id', 'admission_date', 'official_date', 'card_number', 'valid_from', 'reason', 'created_by', 'created_at'],
      total: people.total,
      rows: range(people.total, (i) => {
        const p = people.personAt(i);
        if (!p.membership) return [];
        const m = p.membership;
        const official = `${Number(m.admissionDate.slice(0, 4)) + 1}${m.admissionDate.slice(4)}`;
        return [membershipVersion(i), m.id, p.id, m.org.id, m.admissionDate, official, m.cardNumber, people.validFrom, REASON, ...audit];
      }),
    },
    auditRow(context, 'generateWorkforce', { people: people.total }),
  ];
}
