import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = [
  'PARTY_ORGANIZATION',
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
const SUBTYPES = ['YOUTH_UNION', 'WOMENS_UNION', 'FARMERS_UNION', 'VETERANS_ASSOCIATION', 'TRADE_UNION', 'OTHER_ASSOCIATION'];
const LINEAGE_KINDS = ['MERGE', 'SPLIT', 'ADJUST', 'MOVE', 'RENAME', 'DISSOLVE'];
const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * The organization model as a district organization department reads it: a Party organization
 * (Đảng bộ) is not its committee (Huyện ủy); mass organizations carry their subtype; each
 * organization is the unit's own body or based in an institution it hosts; lineage records
 * boundary adjustments, moves, renames and dissolutions besides merges and splits.
 */
export class OrganizationModel20251732860000000 implements MigrationInterface {
  name = 'OrganizationModel20251732860000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE organization DROP CONSTRAINT organization_kind_check');
    // "Đảng bộ tỉnh/huyện/thành phố/quận/thị xã …" was recorded as a committee: it is the organization.
    await runner.query(`
      UPDATE organization SET kind = 'PARTY_ORGANIZATION'
       WHERE kind = 'PARTY_COMMITTEE' AND search_name ~ '^dang bo (tinh|huyen|thanh pho|quan|thi xa)'`);
    await runner.query(`ALTER TABLE organization ADD CONSTRAINT organization_kind_check CHECK (kind IN (${list(KINDS)}))`);
    await runner.query(`
      ALTER TABLE organization
        ADD COLUMN subtype text CHECK (subtype IN (${list(SUBTYPES)})),
        ADD COLUMN base text CHECK (base IN ('UNIT', 'INSTITUTION'))`);
    await runner.query(`
      UPDATE organization SET subtype = CASE
          WHEN search_name ~ 'doan thanh nien' THEN 'YOUTH_UNION'
          WHEN search_name ~ 'lien hiep phu nu|hoi phu nu' THEN 'WOMENS_UNION'
          WHEN search_name ~ 'hoi nong dan' THEN 'FARMERS_UNION'
          WHEN search_name ~ 'cuu chien binh' THEN 'VETERANS_ASSOCIATION'
          WHEN search_name ~ 'cong doan' THEN 'TRADE_UNION'
          ELSE 'OTHER_ASSOCIATION' END
       WHERE kind = 'MASS_ORGANIZATION'`);
    // A commune's own Party organization is named after the commune; other grassroots ones after an institution.
    await runner.query(`
      UPDATE organization SET base = CASE
          WHEN kind IN ('PARTY_GRASSROOTS', 'PARTY_CELL') AND search_name ~ '^dang bo (xa|phuong|thi tran|dac khu)' THEN 'UNIT'
          WHEN kind IN ('PARTY_GRASSROOTS', 'PARTY_CELL', 'PUBLIC_SERVICE_UNIT') THEN 'INSTITUTION'
          ELSE 'UNIT' END`);
    await runner.query(`
      ALTER TABLE organization
        ALTER COLUMN base SET NOT NULL,
        ADD CONSTRAINT organization_subtype_of_mass_organization CHECK ((kind = 'MASS_ORGANIZATION') = (subtype IS NOT NULL))`);

    await runner.query('ALTER TABLE unit_lineage DROP CONSTRAINT unit_lineage_kind_check');
    await runner.query(`ALTER TABLE unit_lineage ADD CONSTRAINT unit_lineage_kind_check CHECK (kind IN (${list(LINEAGE_KINDS)}))`);
    await runner.query('ALTER TABLE unit_lineage DROP CONSTRAINT unit_lineage_predecessor_code_successor_code_effective_date_key');
    await runner.query(
      'ALTER TABLE unit_lineage ADD CONSTRAINT unit_lineage_link UNIQUE (predecessor_code, successor_code, effective_date, kind)',
    );
    await runner.query('CREATE INDEX unit_lineage_predecessor ON unit_lineage (predecessor_code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX unit_lineage_predecessor');
    await runner.query('ALTER TABLE unit_lineage DROP CONSTRAINT unit_lineage_link');
    await runner.query(`DELETE FROM unit_lineage WHERE kind NOT IN ('MERGE', 'SPLIT')`);
    await runner.query('ALTER TABLE unit_lineage ADD UNIQUE (predecessor_code, successor_code, effective_date)');
    await runner.query('ALTER TABLE unit_lineage DROP CONSTRAINT unit_lineage_kind_check');
    await runner.query(`ALTER TABLE unit_lineage ADD CONSTRAINT unit_lineage_kind_check CHECK (kind IN ('MERGE', 'SPLIT'))`);
    await runner.query('ALTER TABLE organization DROP CONSTRAINT organization_subtype_of_mass_organization');
    await runner.query('ALTER TABLE organization DROP COLUMN base, DROP COLUMN subtype');
    await runner.query('ALTER TABLE organization DROP CONSTRAINT organization_kind_check');
    await runner.query(`UPDATE organization SET kind = 'PARTY_COMMITTEE' WHERE kind = 'PARTY_ORGANIZATION'`);
    await runner.query(`ALTER TABLE organization ADD CONSTRAINT organization_kind_check CHECK (kind IN (${list(KINDS.slice(1))}))`);
  }
}
