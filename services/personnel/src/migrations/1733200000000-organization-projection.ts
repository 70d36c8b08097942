import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection of the organization's Party organizations becomes one of every organization
 * (assignments are to any kind), beside projections of organizations' seats and staffing
 * quotas. The consumer is renamed with it, so it reads the topic again from its start and
 * fills in the organizations the Party projection skipped.
 */
export class OrganizationProjection1733200000000 implements MigrationInterface {
  name = 'OrganizationProjection1733200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE party_organization RENAME TO organization');
    await runner.query('ALTER TABLE organization DROP CONSTRAINT party_organization_kind_check');
    await runner.query('ALTER INDEX party_organization_pkey RENAME TO organization_pkey');
    await runner.query('ALTER INDEX party_organization_unit RENAME TO organization_unit');
    await runner.query(`
      CREATE TABLE organization_seat (
        id               uuid NOT NULL,
        valid_from       date NOT NULL,
        valid_to         date,
        organization_id  uuid NOT NULL,
        title            text NOT NULL,
        selection        text NOT NULL,
        capacity         integer NOT NULL CHECK (capacity > 0),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, valid_from),
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await runner.query('CREATE INDEX organization_seat_organization ON organization_seat (organization_id, valid_from)');
    await runner.query(`
      CREATE TABLE organization_quota (
        organization_id  uuid NOT NULL,
        valid_from       date NOT NULL,
        valid_to         date,
        amount           integer NOT NULL CHECK (amount >= 0),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, valid_from),
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE organization_quota');
    await runner.query('DROP TABLE organization_seat');
    await runner.query("DELETE FROM organization WHERE kind NOT IN ('PARTY_ORGANIZATION', 'PARTY_GRASSROOTS', 'PARTY_CELL')");
    await runner.query('ALTER INDEX organization_unit RENAME TO party_organization_unit');
    await runner.query('ALTER INDEX organization_pkey RENAME TO party_organization_pkey');
    await runner.query('ALTER TABLE organization RENAME TO party_organization');
    await runner.query(
      "ALTER TABLE party_organization ADD CONSTRAINT party_organization_kind_check CHECK (kind IN ('PARTY_ORGANIZATION', 'PARTY_GRASSROOTS', 'PARTY_CELL'))",
    );
  }
}
