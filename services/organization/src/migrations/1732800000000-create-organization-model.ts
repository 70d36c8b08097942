import { foldText } from '@ps/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'PARTY_COMMITTEE',
  'PARTY_GRASSROOTS',
  'PARTY_CELL',
  'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'FATHERLAND_FRONT',
  'MASS_ORGANISATION',
  'PUBLIC_SERVICE_UNIT',
].map((kind) => `'${kind}'`);

/** Audit columns every effective-dated version carries: why, on which decision, by whom. */
const AUDIT = `
  reason       text,
  decision_id  uuid REFERENCES decision (id),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()`;

/** A version row is valid on [valid_from, valid_to); no two versions of one thing overlap. */
const validity = (key: string) => `
  valid_from   date NOT NULL,
  valid_to     date,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  EXCLUDE USING gist (${key} WITH =, daterange(valid_from, valid_to) WITH &&)`;

/**
 * Decisions (number, date, signer) that every change cites; unit lineage; organizations of the
 * political system with their seats, functions and duties; staffing quotas of units and
 * organizations. Everything is effective-dated.
 */
// The recorded name keeps its original spelling: databases already list it as applied.
export class CreateOrganizationModel1732800000000 implements MigrationInterface {
  name = 'CreateOrganisationModel1732800000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const extension of ['btree_gist', 'pg_trgm']) await runner.query(`CREATE EXTENSION IF NOT EXISTS ${extension}`);
    await runner.query(`
      CREATE TABLE decision (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number            text NOT NULL CHECK (length(btrim(number)) > 0),
        decided_on        date NOT NULL,
        signer            text NOT NULL CHECK (length(btrim(signer)) > 0),
        created_by        text NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (number, decided_on, signer)
      )`);

    await runner.query(`
      ALTER TABLE administrative_unit
        DROP COLUMN decision_ref,
        ADD COLUMN reason       text,
        ADD COLUMN decision_id  uuid REFERENCES decision (id),
        ADD COLUMN search_name  text NOT NULL DEFAULT '',
        ADD CONSTRAINT administrative_unit_no_overlap
          EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)`);
    // Units recorded before this migration get their folded names too.
    const units: Array<{ id: string; name: string }> = await runner.query('SELECT id, name FROM administrative_unit');
    await runner.query(
      `UPDATE administrative_unit SET search_name = folded.name
         FROM unnest($1::uuid[], $2::text[]) AS folded(id, name) WHERE administrative_unit.id = folded.id`,
      [units.map((unit) => unit.id), units.map((unit) => foldText(unit.name))],
    );
    await runner.query('CREATE INDEX administrative_unit_search ON administrative_unit USING gin (search_name gin_trgm_ops)');
    await runner.query('CREATE INDEX administrative_unit_validity ON administrative_unit (valid_from, valid_to)');

    await runner.query(`
      CREATE TABLE unit_lineage (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        predecessor_code  text NOT NULL,
        successor_code    text NOT NULL,
        kind              text NOT NULL CHECK (kind IN ('MERGE', 'SPLIT')),
        effective_date    date NOT NULL,
        ${AUDIT},
        UNIQUE (predecessor_code, successor_code, effective_date)
      )`);
    await runner.query('CREATE INDEX unit_lineage_successor ON unit_lineage (successor_code)');

    await runner.query(`
      CREATE TABLE organization (
        version_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id           uuid NOT NULL,
        unit_code    text NOT NULL,
        parent_id    uuid,
        kind         text NOT NULL CHECK (kind IN (${KINDS.join(', ')})),
        name         text NOT NULL CHECK (length(btrim(name)) > 0),
        search_name  text NOT NULL,
        ${validity('id')},
        ${AUDIT}
      )`);
    await runner.query('CREATE UNIQUE INDEX organization_current ON organization (id) WHERE valid_to IS NULL');
    await runner.query('CREATE INDEX organization_unit ON organization (unit_code, valid_from)');
    await runner.query('CREATE INDEX organization_parent ON organization (parent_id)');
    await runner.query('CREATE INDEX organization_search ON organization USING gin (search_name gin_trgm_ops)');

    await runner.query(`
      CREATE TABLE organization_seat (
        version_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id               uuid NOT NULL,
        organization_id  uuid NOT NULL,
        title            text NOT NULL CHECK (length(btrim(title)) > 0),
        selection        text NOT NULL CHECK (selection IN ('ELECTED', 'APPOINTED')),
        capacity         integer NOT NULL CHECK (capacity > 0),
        ${validity('id')},
        ${AUDIT}
      )`);
    await runner.query('CREATE INDEX organization_seat_organization ON organization_seat (organization_id)');

    await runner.query(`
      CREATE TABLE duty (
        version_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id               uuid NOT NULL,
        organization_id  uuid NOT NULL,
        kind             text NOT NULL CHECK (kind IN ('FUNCTION', 'DUTY')),
        text             text NOT NULL CHECK (length(btrim(text)) > 0),
        normalized_text  text NOT NULL,
        ${validity('id')},
        ${AUDIT}
      )`);
    await runner.query('CREATE INDEX duty_organization ON duty (organization_id)');
    await runner.query('CREATE INDEX duty_normalized ON duty (normalized_text)');

    await runner.query(`
      CREATE TABLE staffing_quota (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        holder_kind  text NOT NULL CHECK (holder_kind IN ('UNIT', 'ORGANIZATION')),
        holder_id    text NOT NULL,
        amount       integer NOT NULL CHECK (amount >= 0),
        ${validity('holder_kind WITH =, holder_id')},
        ${AUDIT}
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX staffing_quota_current ON staffing_quota (holder_kind, holder_id) WHERE valid_to IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['staffing_quota', 'duty', 'organization_seat', 'organization', 'unit_lineage']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`
      ALTER TABLE administrative_unit
        DROP CONSTRAINT administrative_unit_no_overlap,
        DROP COLUMN search_name, DROP COLUMN decision_id, DROP COLUMN reason,
        ADD COLUMN decision_ref text`);
    await runner.query('DROP TABLE decision');
  }
}
