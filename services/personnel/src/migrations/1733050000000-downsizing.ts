import type { MigrationInterface, QueryRunner } from 'typeorm';

type Rule = [code: string, kind: 'GROUND' | 'EXCLUSION', validFrom: string, validTo: string | null, waived: boolean, lastsMonths: number | null, name: string, source: string];

const D29_GROUNDS = 'Nghị định 29/2023/NĐ-CP, Điều 2';
const D29_EXCLUSIONS = 'Nghị định 29/2023/NĐ-CP, Điều 3';
const D154_GROUNDS = 'Nghị định 154/2025/NĐ-CP, Điều 2';
const D154_EXCLUSIONS = 'Nghị định 154/2025/NĐ-CP, Điều 3';
const D29 = ['2023-07-20', '2025-06-16'] as const;
const D154 = ['2025-06-16', null] as const;

/** Grounds and exclusions of staff downsizing as the two decrees state them; a later decree is new rows. */
const RULES: Rule[] = [
  ['RESTRUCTURING_SURPLUS', 'GROUND', ...D29, false, null, 'Dôi dư do rà soát, sắp xếp lại tổ chức bộ máy, nhân sự', D29_GROUNDS],
  ['RATED_HTNV_AND_KHTNV_TWO_YEARS', 'GROUND', ...D29, false, null, 'Hai năm liên tiếp liền kề, một năm HTNV và một năm KHTNV, không bố trí được việc làm khác phù hợp', D29_GROUNDS],
  ['RATED_KHTNV_ONE_YEAR', 'GROUND', ...D29, false, null, 'Một năm xếp loại không hoàn thành nhiệm vụ, không bố trí được việc làm khác phù hợp', D29_GROUNDS],
  ['SICK_LEAVE_OVER_MAXIMUM', 'GROUND', ...D29, false, null, 'Nghỉ ốm bằng hoặc vượt số ngày tối đa theo Luật Bảo hiểm xã hội trong năm trước', D29_GROUNDS],
  ['RESTRUCTURING_SURPLUS', 'GROUND', ...D154, false, null, 'Dôi dư do sắp xếp tổ chức bộ máy, đơn vị hành chính', D154_GROUNDS],
  ['RATED_KHTNV_PREVIOUS_OR_CURRENT_YEAR', 'GROUND', ...D154, false, null, 'Xếp loại không hoàn thành nhiệm vụ trong năm trước liền kề hoặc năm xét tinh giản', D154_GROUNDS],
  ['SICK_LEAVE_300_DAYS', 'GROUND', ...D154, false, null, 'Nghỉ ốm từ 300 ngày trở lên trong năm', D154_GROUNDS],
  ['TRAINING_STANDARD_NOT_MET', 'GROUND', ...D154, false, null, 'Không đáp ứng tiêu chuẩn trình độ đào tạo của vị trí việc làm, không bố trí được việc làm khác', D154_GROUNDS],
  ['SICK_CERTIFIED', 'EXCLUSION', ...D29, false, null, 'Đang ốm đau có xác nhận của cơ quan y tế', D29_EXCLUSIONS],
  ['PREGNANT', 'EXCLUSION', ...D29, true, null, 'Đang mang thai', D29_EXCLUSIONS],
  ['MATERNITY_LEAVE', 'EXCLUSION', ...D29, true, null, 'Đang nghỉ thai sản', D29_EXCLUSIONS],
  ['CHILD_UNDER_36_MONTHS', 'EXCLUSION', ...D29, true, 36, 'Đang nuôi con dưới 36 tháng tuổi', D29_EXCLUSIONS],
  ['UNDER_DISCIPLINE_REVIEW', 'EXCLUSION', ...D29, false, null, 'Đang trong thời gian xem xét kỷ luật', D29_EXCLUSIONS],
  ['UNDER_PROSECUTION', 'EXCLUSION', ...D29, false, null, 'Đang bị truy cứu trách nhiệm hình sự', D29_EXCLUSIONS],
  ['PREGNANT', 'EXCLUSION', ...D154, true, null, 'Đang mang thai', D154_EXCLUSIONS],
  ['MATERNITY_LEAVE', 'EXCLUSION', ...D154, true, null, 'Đang nghỉ thai sản', D154_EXCLUSIONS],
  ['CHILD_UNDER_36_MONTHS', 'EXCLUSION', ...D154, true, 36, 'Đang nuôi con dưới 36 tháng tuổi', D154_EXCLUSIONS],
  ['UNDER_DISCIPLINE_REVIEW', 'EXCLUSION', ...D154, false, null, 'Đang trong thời gian xem xét kỷ luật', D154_EXCLUSIONS],
  ['UNDER_PROSECUTION', 'EXCLUSION', ...D154, false, null, 'Đang bị truy cứu trách nhiệm hình sự', D154_EXCLUSIONS],
  ['UNDER_INSPECTION', 'EXCLUSION', ...D154, false, null, 'Đang bị thanh tra, kiểm tra', D154_EXCLUSIONS],
  ['UNDER_INVESTIGATION', 'EXCLUSION', ...D154, false, null, 'Đang bị điều tra', D154_EXCLUSIONS],
];

const VERSION_COLUMNS = `
        valid_from          date NOT NULL,
        valid_to            date,
        reason              text,
        decision_id         uuid REFERENCES decision (id),
        closed_reason       text,
        closed_decision_id  uuid REFERENCES decision (id),
        closed_by           text,
        closed_at           timestamptz,
        created_by          text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now()`;

/**
 * Staff downsizing (tinh giản biên chế): its grounds and exclusions as dated rule data with
 * their source; the circumstances that defer it (pregnancy, a child under 36 months, an open
 * investigation…), dated on the person; the decisions, one open per person; and the candidates
 * evaluation announces.
 */
export class Downsizing1733050000000 implements MigrationInterface {
  name = 'Downsizing1733050000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE downsizing_rule (
        code                    text NOT NULL,
        kind                    text NOT NULL CHECK (kind IN ('GROUND', 'EXCLUSION')),
        valid_from              date NOT NULL,
        valid_to                date,
        waived_by_volunteering  boolean NOT NULL,
        lasts_months            int CHECK (lasts_months > 0),
        name                    text NOT NULL,
        source                  text NOT NULL,
        PRIMARY KEY (code, valid_from),
        CONSTRAINT downsizing_rule_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    const values = RULES.map((_, index) => `(${[1, 2, 3, 4, 5, 6, 7, 8].map((column) => `$${index * 8 + column}`).join(', ')})`);
    await runner.query(
      `INSERT INTO downsizing_rule (code, kind, valid_from, valid_to, waived_by_volunteering, lasts_months, name, source) VALUES ${values.join(', ')}`,
      RULES.flat(),
    );
    await runner.query(`
      CREATE TABLE person_circumstance (
        version_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id          uuid NOT NULL,
        person_id   uuid NOT NULL,
        kind        text NOT NULL,
        ${VERSION_COLUMNS},
        CONSTRAINT person_circumstance_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT person_circumstance_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query('CREATE INDEX person_circumstance_person ON person_circumstance (person_id, valid_from)');
    await runner.query(`
      CREATE TABLE downsizing_candidate (
        id           uuid PRIMARY KEY,
        person_id    uuid NOT NULL,
        unit_code    text NOT NULL,
        year         int NOT NULL,
        ground_code  text NOT NULL,
        ratings      jsonb NOT NULL,
        rule_source  text NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX downsizing_candidate_unit ON downsizing_candidate (unit_code, year)');
    await runner.query(`
      CREATE TABLE downsizing (
        version_id    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        id            uuid NOT NULL,
        person_id     uuid NOT NULL,
        ground_code   text NOT NULL,
        volunteered   boolean NOT NULL,
        candidate_id  uuid REFERENCES downsizing_candidate (id),
        ${VERSION_COLUMNS},
        CONSTRAINT downsizing_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT downsizing_no_overlap EXCLUDE USING gist (id WITH =, daterange(valid_from, valid_to) WITH &&),
        CONSTRAINT downsizing_once_per_person EXCLUDE USING gist (person_id WITH =, id WITH <>, daterange(valid_from, valid_to) WITH &&)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE downsizing');
    await runner.query('DROP TABLE downsizing_candidate');
    await runner.query('DROP TABLE person_circumstance');
    await runner.query('DROP TABLE downsizing_rule');
  }
}
