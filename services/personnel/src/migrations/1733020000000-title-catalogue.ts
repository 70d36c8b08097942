import type { MigrationInterface, QueryRunner } from 'typeorm';

type Row = [code: string, tier: string, organizationKind: string, group: string, keyPost: boolean, name: string, source: string];

const COMMUNE_2009 = 'Nghị định 92/2009/NĐ-CP, Điều 3';
const COMMUNE_2023 = 'Nghị định 33/2023/NĐ-CP, Điều 5, 6';
const DISTRICT = 'Quy định 105-QĐ/TW (2017) và Nghị định 108/2020/NĐ-CP';

/**
 * Titles (chức danh) as they stood when this catalogue was first written: from 1999 for the
 * commune (Decree 92/2009 listed them; Decree 33/2023 kept them from 1 Aug 2023) and district
 * tiers. A later regulation is a new row with its own period and source, never an edit.
 */
const ROWS: Row[] = [
  ['COMMUNE_PARTY_SECRETARY', 'COMMUNE', 'PARTY_COMMITTEE', 'LEADERSHIP', true, 'Bí thư Đảng ủy xã', COMMUNE_2009],
  ['COMMUNE_PARTY_DEPUTY_SECRETARY', 'COMMUNE', 'PARTY_COMMITTEE', 'LEADERSHIP', false, 'Phó Bí thư Đảng ủy xã', COMMUNE_2009],
  ['COMMUNE_PARTY_COMMITTEE_MEMBER', 'COMMUNE', 'PARTY_COMMITTEE', 'LEADERSHIP', false, 'Ủy viên Ban Chấp hành Đảng bộ xã', COMMUNE_2009],
  ['COMMUNE_COUNCIL_CHAIR', 'COMMUNE', 'PEOPLES_COUNCIL', 'LEADERSHIP', false, 'Chủ tịch Hội đồng nhân dân xã', COMMUNE_2009],
  ['COMMUNE_COUNCIL_VICE_CHAIR', 'COMMUNE', 'PEOPLES_COUNCIL', 'LEADERSHIP', false, 'Phó Chủ tịch Hội đồng nhân dân xã', COMMUNE_2009],
  ['COMMUNE_COMMITTEE_CHAIR', 'COMMUNE', 'PEOPLES_COMMITTEE', 'LEADERSHIP', true, 'Chủ tịch Ủy ban nhân dân xã', COMMUNE_2009],
  ['COMMUNE_COMMITTEE_VICE_CHAIR', 'COMMUNE', 'PEOPLES_COMMITTEE', 'LEADERSHIP', false, 'Phó Chủ tịch Ủy ban nhân dân xã', COMMUNE_2009],
  ['COMMUNE_FRONT_CHAIR', 'COMMUNE', 'FATHERLAND_FRONT', 'LEADERSHIP', false, 'Chủ tịch Ủy ban Mặt trận Tổ quốc xã', COMMUNE_2009],
  ['COMMUNE_YOUTH_SECRETARY', 'COMMUNE', 'MASS_ORGANIZATION', 'LEADERSHIP', false, 'Bí thư Đoàn Thanh niên xã', COMMUNE_2009],
  ['COMMUNE_WOMEN_CHAIR', 'COMMUNE', 'MASS_ORGANIZATION', 'LEADERSHIP', false, 'Chủ tịch Hội Liên hiệp Phụ nữ xã', COMMUNE_2009],
  ['COMMUNE_FARMERS_CHAIR', 'COMMUNE', 'MASS_ORGANIZATION', 'LEADERSHIP', false, 'Chủ tịch Hội Nông dân xã', COMMUNE_2009],
  ['COMMUNE_VETERANS_CHAIR', 'COMMUNE', 'MASS_ORGANIZATION', 'LEADERSHIP', false, 'Chủ tịch Hội Cựu chiến binh xã', COMMUNE_2009],
  ['COMMUNE_MILITARY_COMMANDER', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', true, 'Chỉ huy trưởng Quân sự xã', COMMUNE_2023],
  ['COMMUNE_OFFICE_STATISTICS', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', false, 'Văn phòng – thống kê', COMMUNE_2023],
  ['COMMUNE_LAND_CONSTRUCTION', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', false, 'Địa chính – xây dựng – đô thị và môi trường', COMMUNE_2023],
  ['COMMUNE_FINANCE_ACCOUNTING', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', true, 'Tài chính – kế toán', COMMUNE_2023],
  ['COMMUNE_JUSTICE_CIVIL_STATUS', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', false, 'Tư pháp – hộ tịch', COMMUNE_2023],
  ['COMMUNE_CULTURE_SOCIAL', 'COMMUNE', 'PEOPLES_COMMITTEE', 'PROFESSIONAL', false, 'Văn hóa – xã hội', COMMUNE_2023],
  ['DISTRICT_PARTY_SECRETARY', 'DISTRICT', 'PARTY_COMMITTEE', 'LEADERSHIP', true, 'Bí thư Huyện ủy', DISTRICT],
  ['DISTRICT_PARTY_DEPUTY_SECRETARY', 'DISTRICT', 'PARTY_COMMITTEE', 'LEADERSHIP', false, 'Phó Bí thư Huyện ủy', DISTRICT],
  ['DISTRICT_STANDING_COMMITTEE_MEMBER', 'DISTRICT', 'PARTY_COMMITTEE', 'LEADERSHIP', false, 'Ủy viên Ban Thường vụ Huyện ủy', DISTRICT],
  ['DISTRICT_PARTY_COMMITTEE_MEMBER', 'DISTRICT', 'PARTY_COMMITTEE', 'LEADERSHIP', false, 'Huyện ủy viên', DISTRICT],
  ['DISTRICT_COUNCIL_CHAIR', 'DISTRICT', 'PEOPLES_COUNCIL', 'LEADERSHIP', false, 'Chủ tịch Hội đồng nhân dân huyện', DISTRICT],
  ['DISTRICT_COMMITTEE_CHAIR', 'DISTRICT', 'PEOPLES_COMMITTEE', 'LEADERSHIP', true, 'Chủ tịch Ủy ban nhân dân huyện', DISTRICT],
  ['DISTRICT_COMMITTEE_VICE_CHAIR', 'DISTRICT', 'PEOPLES_COMMITTEE', 'LEADERSHIP', false, 'Phó Chủ tịch Ủy ban nhân dân huyện', DISTRICT],
  ['DISTRICT_FRONT_CHAIR', 'DISTRICT', 'FATHERLAND_FRONT', 'LEADERSHIP', false, 'Chủ tịch Ủy ban Mặt trận Tổ quốc huyện', DISTRICT],
  ['DISTRICT_DEPARTMENT_HEAD', 'DISTRICT', 'DEPARTMENT', 'LEADERSHIP', false, 'Trưởng phòng, ban huyện', DISTRICT],
  ['DISTRICT_DEPARTMENT_DEPUTY_HEAD', 'DISTRICT', 'DEPARTMENT', 'LEADERSHIP', false, 'Phó Trưởng phòng, ban huyện', DISTRICT],
  ['DISTRICT_SPECIALIST', 'DISTRICT', 'DEPARTMENT', 'PROFESSIONAL', false, 'Chuyên viên', 'Nghị định 62/2020/NĐ-CP, Điều 4'],
  ['DISTRICT_OFFICE_STAFF', 'DISTRICT', 'DEPARTMENT', 'SUPPORT', false, 'Nhân viên văn thư, hành chính', 'Nghị định 62/2020/NĐ-CP, Điều 4'],
];

/**
 * The title catalogue (chức danh): rule data with a period and the source document, read by
 * assignments, criteria, planning and rotation. A title's code is stable across its versions;
 * the same code never has two versions in force on one day.
 */
export class TitleCatalogue1733020000000 implements MigrationInterface {
  name = 'TitleCatalogue1733020000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE title (
        code               text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        valid_from         date NOT NULL,
        valid_to           date,
        name               text NOT NULL,
        tier               text NOT NULL CHECK (tier IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        organization_kind  text NOT NULL,
        position_group     text NOT NULL CHECK (position_group IN ('LEADERSHIP', 'PROFESSIONAL', 'SUPPORT')),
        key_post           boolean NOT NULL,
        source             text NOT NULL,
        PRIMARY KEY (code, valid_from),
        CONSTRAINT title_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT title_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    const values = ROWS.map((_, index) => `($${index * 7 + 1}, '1999-01-01', $${index * 7 + 6}, $${index * 7 + 2}, $${index * 7 + 3}, $${index * 7 + 4}, $${index * 7 + 5}, $${index * 7 + 7})`);
    await runner.query(
      `INSERT INTO title (code, valid_from, name, tier, organization_kind, position_group, key_post, source) VALUES ${values.join(', ')}`,
      ROWS.flat(),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE title');
  }
}
