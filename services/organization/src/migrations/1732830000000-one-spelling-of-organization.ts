import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'PARTY_COMMITTEE',
  'PARTY_GRASSROOTS',
  'PARTY_CELL',
  'PEOPLES_COUNCIL',
  'PEOPLES_COMMITTEE',
  'DEPARTMENT',
  'FATHERLAND_FRONT',
  'MASS_ORGANIZATION',
  'PUBLIC_SERVICE_UNIT',
];

/** One spelling across code, schema and data: the kind MASS_ORGANISATION becomes MASS_ORGANIZATION. */
export class OneSpellingOfOrganization1732830000000 implements MigrationInterface {
  name = 'OneSpellingOfOrganization1732830000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE organization DROP CONSTRAINT organization_kind_check');
    await runner.query("UPDATE organization SET kind = 'MASS_ORGANIZATION' WHERE kind = 'MASS_ORGANISATION'");
    await runner.query(
      `ALTER TABLE organization ADD CONSTRAINT organization_kind_check CHECK (kind IN (${KINDS.map((kind) => `'${kind}'`).join(', ')}))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    const old = KINDS.map((kind) => (kind === 'MASS_ORGANIZATION' ? 'MASS_ORGANISATION' : kind));
    await runner.query('ALTER TABLE organization DROP CONSTRAINT organization_kind_check');
    await runner.query("UPDATE organization SET kind = 'MASS_ORGANISATION' WHERE kind = 'MASS_ORGANIZATION'");
    await runner.query(
      `ALTER TABLE organization ADD CONSTRAINT organization_kind_check CHECK (kind IN (${old.map((kind) => `'${kind}'`).join(', ')}))`,
    );
  }
}
