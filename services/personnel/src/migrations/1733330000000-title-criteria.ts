import type { MigrationInterface, QueryRunner } from 'typeorm';

type Row = [titleCode: string, kind: string, validFrom: string, minimum: number | null, maximum: number | null, level: string | null, source: string, article: string];

// Articles not yet checked against the published text are marked so, for the rule owners to confirm.
const TO_CHECK = ' (cần đối chiếu văn bản gốc / article to be checked)';
const LAW_2008 = 'Luật Cán bộ, công chức 2008';
const REG_80 = 'Quy định 80-QĐ/TW ngày 18/08/2022';
const REG_89 = 'Quy định 89-QĐ/TW ngày 04/08/2017 (khung tiêu chuẩn chức danh)';
const DECISION_04 = 'Quyết định 04/2004/QĐ-BNV';
const DECREE_33 = 'Nghị định 33/2023/NĐ-CP';

const DISTRICT_LEADERS = [
  'DISTRICT_PARTY_SECRETARY', 'DISTRICT_PARTY_DEPUTY_SECRETARY', 'DISTRICT_STANDING_COMMITTEE_MEMBER', 'DISTRICT_COUNCIL_CHAIR',
  'DISTRICT_COMMITTEE_CHAIR', 'DISTRICT_COMMITTEE_VICE_CHAIR', 'DISTRICT_FRONT_CHAIR', 'DISTRICT_DEPARTMENT_HEAD', 'DISTRICT_DEPARTMENT_DEPUTY_HEAD',
];
const COMMUNE_LEADERS = [
  'COMMUNE_PARTY_SECRETARY', 'COMMUNE_PARTY_DEPUTY_SECRETARY', 'COMMUNE_COUNCIL_CHAIR', 'COMMUNE_COUNCIL_VICE_CHAIR', 'COMMUNE_COMMITTEE_CHAIR',
  'COMMUNE_COMMITTEE_VICE_CHAIR', 'COMMUNE_FRONT_CHAIR', 'COMMUNE_YOUTH_SECRETARY', 'COMMUNE_WOMEN_CHAIR', 'COMMUNE_FARMERS_CHAIR', 'COMMUNE_VETERANS_CHAIR',
];

function districtLeader(code: string): Row[] {
  return [
    [code, 'AGE_AT_APPOINTMENT', '2008-11-13', 18, null, null, LAW_2008, 'Điều 36'],
    [code, 'MONTHS_BEFORE_RETIREMENT', '2022-08-18', 60, null, null, REG_80, `Điều 12${TO_CHECK}`],
    [code, 'EDUCATION', '2017-08-04', null, null, 'BACHELOR', REG_89, TO_CHECK.trim()],
    [code, 'POLITICAL_THEORY', '2017-08-04', null, null, code.startsWith('DISTRICT_DEPARTMENT') ? 'INTERMEDIATE' : 'ADVANCED', REG_89, TO_CHECK.trim()],
    [code, 'PLANNING_REQUIRED', '2022-08-18', null, null, null, REG_80, `Điều 12${TO_CHECK}`],
    [code, 'DISCIPLINE_FREE_MONTHS', '2022-08-18', 12, null, null, REG_80, TO_CHECK.trim()],
    [code, 'PARTY_MEMBERSHIP', '2017-08-04', null, null, null, REG_89, TO_CHECK.trim()],
  ];
}

function communeLeader(code: string): Row[] {
  return [
    [code, 'AGE_AT_APPOINTMENT', '2004-01-16', 18, code === 'COMMUNE_YOUTH_SECRETARY' ? 30 : null, null, DECISION_04, TO_CHECK.trim()],
    [code, 'MONTHS_BEFORE_RETIREMENT', '2022-08-18', 60, null, null, REG_80, `Điều 12${TO_CHECK}`],
    [code, 'EDUCATION', '2023-08-01', null, null, 'BACHELOR', DECREE_33, `Điều 7${TO_CHECK}`],
    [code, 'POLITICAL_THEORY', '2023-08-01', null, null, 'INTERMEDIATE', DECREE_33, `Điều 7${TO_CHECK}`],
    [code, 'PARTY_MEMBERSHIP', '2004-01-16', null, null, null, DECISION_04, TO_CHECK.trim()],
  ];
}

/**
 * Criteria (tiêu chuẩn, điều kiện) of catalogue titles as data: one row per title, kind and
 * period, with its source document and article. A new regulation is a new row, never an edit.
 */
export class TitleCriteria1733330000000 implements MigrationInterface {
  name = 'TitleCriteria1733330000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE title_criterion (
        title_code  text NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('AGE_AT_APPOINTMENT', 'EDUCATION', 'POLITICAL_THEORY', 'YEARS_IN_RANK', 'PLANNING_REQUIRED',
                                                  'DISCIPLINE_FREE_MONTHS', 'MONTHS_BEFORE_RETIREMENT', 'PARTY_MEMBERSHIP')),
        valid_from  date NOT NULL,
        valid_to    date,
        minimum     integer,
        maximum     integer,
        level       text,
        source      text NOT NULL,
        article     text NOT NULL,
        PRIMARY KEY (title_code, kind, valid_from),
        CONSTRAINT title_criterion_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT title_criterion_no_overlap EXCLUDE USING gist (title_code WITH =, kind WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    const rows = [...DISTRICT_LEADERS.flatMap(districtLeader), ...COMMUNE_LEADERS.flatMap(communeLeader)];
    const values = rows.map((_, index) => `(${Array.from({ length: 8 }, (__, column) => `$${index * 8 + column + 1}`).join(', ')})`);
    await runner.query(
      `INSERT INTO title_criterion (title_code, kind, valid_from, minimum, maximum, level, source, article) VALUES ${values.join(', ')}`,
      rows.flat(),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE title_criterion');
  }
}
