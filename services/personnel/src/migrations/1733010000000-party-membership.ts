import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Party membership: the projection of the organization's Party organizations (one row per
 * version, kept from its events) and the memberships, effective-dated. A person is a member of
 * one Party organization at a time; a card number belongs to one membership.
 */
export class PartyMembership1733010000000 implements MigrationInterface {
  name = 'PartyMembership1733010000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE party_organization (
        id          uuid NOT NULL,
        valid_from  date NOT NULL,
        valid_to    date,
        unit_code   text NOT NULL,
        parent_id   uuid,
        kind        text NOT NULL CHECK (kind IN ('PARTY_ORGANIZATION', 'PARTY_GRASSROOTS', 'PARTY_CELL')),
        name        text NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, valid_from),
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      )`);
    await runner.query('CREATE INDEX party_organization_unit ON party_organization (unit_code, valid_from)');
    await runner.query(`
      CREATE TABLE party_membership (
        version_id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id                     uuid NOT NULL,
        person_id              uuid NOT NULL,
        party_organization_id  uuid NOT NULL,
        admission_date         date NOT NULL,
        official_date          date CHECK (official_date >= admission_date),
        card_number            text,
        end_reason             text,
        valid_from             date NOT NULL,
        valid_to               date,
        reason                 text,
        decision_id            uuid REFERENCES decision (id),
        closed_reason          text,
        closed_decision_id     uuid REFERENCES decision (id),
        closed_by              text,
        closed_at              timestamptz,
        created_by             text NOT NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT party_membership_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT party_membership_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT party_membership_one_at_a_time EXCLUDE USING gist (person_id WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT party_membership_card_number EXCLUDE USING gist (card_number WITH =, id WITH <>)
      )`);
    await runner.query('CREATE INDEX party_membership_organization ON party_membership (party_organization_id, valid_from)');
    await runner.query('CREATE INDEX party_membership_person ON party_membership (person_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE party_membership');
    await runner.query('DROP TABLE party_organization');
  }
}
