import type { MigrationInterface, QueryRunner } from 'typeorm';

type RetirementRow = [gender: string, validFrom: string, validTo: string | null, baseMonths: number, stepMonths: number, maxMonths: number, source: string, article: string];
type RuleRow = [code: string, qualifier: string | null, validFrom: string, validTo: string | null, amount: number | null, source: string, article: string];

const LABOUR_CODE_1994 = 'Bộ luật Lao động 1994 (sửa đổi 2002)';
const LABOUR_CODE_2012 = 'Bộ luật Lao động 2012';
const LABOUR_CODE_2019 = 'Bộ luật Lao động 2019; Nghị định 135/2020/NĐ-CP';

/**
 * Retirement age under normal working conditions: until 2020 men 60 and women 55; from 2021
 * men 60y3m rising 3 months a year to 62 (2028), women 55y4m rising 4 months a year to 60 (2035).
 */
const RETIREMENT: RetirementRow[] = [
  ['MALE', '1995-01-01', '2013-05-01', 720, 0, 720, LABOUR_CODE_1994, 'Điều 145'],
  ['FEMALE', '1995-01-01', '2013-05-01', 660, 0, 660, LABOUR_CODE_1994, 'Điều 145'],
  ['MALE', '2013-05-01', '2021-01-01', 720, 0, 720, LABOUR_CODE_2012, 'Điều 187'],
  ['FEMALE', '2013-05-01', '2021-01-01', 660, 0, 660, LABOUR_CODE_2012, 'Điều 187'],
  ['MALE', '2021-01-01', null, 723, 3, 744, LABOUR_CODE_2019, 'BLLĐ Điều 169 khoản 2; NĐ 135/2020 Điều 4'],
  ['FEMALE', '2021-01-01', null, 664, 4, 720, LABOUR_CODE_2019, 'BLLĐ Điều 169 khoản 2; NĐ 135/2020 Điều 4'],
];

// Articles not yet checked against the published text are marked so, for the rule owners to confirm.
const TO_CHECK = ' (cần đối chiếu văn bản gốc / article to be checked)';
const GUIDE_2012 = 'Hướng dẫn 15-HD/BTCTW ngày 05/11/2012 (Nghị quyết 42-NQ/TW)';
const REG_50 = 'Quy định 50-QĐ/TW ngày 27/12/2021';
const REG_377 = 'Quy định 377-QĐ/TW ngày 08/10/2025';
const REG_65 = 'Quy định 65-QĐ/TW ngày 28/04/2022';

/** Cadre planning (quy hoạch) and rotation (luân chuyển) rules, one row per rule and period. */
const RULES: RuleRow[] = [
  ['PLANNING_PEOPLE_PER_POSITION', null, '2012-11-05', '2021-12-27', 3, GUIDE_2012, `Mục II.2${TO_CHECK}`],
  ['PLANNING_POSITIONS_PER_PERSON', null, '2012-11-05', '2021-12-27', 3, GUIDE_2012, `Mục II.2${TO_CHECK}`],
  ['PLANNING_WORKING_TERMS', null, '2012-11-05', '2021-12-27', 1, GUIDE_2012, `Mục II.3${TO_CHECK}`],
  ['PLANNING_PEOPLE_PER_POSITION', null, '2021-12-27', '2025-10-08', 3, REG_50, `Điều 5${TO_CHECK}`],
  ['PLANNING_POSITIONS_PER_PERSON', null, '2021-12-27', '2025-10-08', 3, REG_50, `Điều 5${TO_CHECK}`],
  ['PLANNING_WORKING_TERMS', null, '2021-12-27', '2025-10-08', 1, REG_50, `Điều 6${TO_CHECK}`],
  ['PLANNING_DISCIPLINE_WAIT', 'REPRIMAND', '2021-12-27', '2025-10-08', 24, REG_50, `Điều 6${TO_CHECK}`],
  ['PLANNING_DISCIPLINE_WAIT', 'WARNING', '2021-12-27', '2025-10-08', 36, REG_50, `Điều 6${TO_CHECK}`],
  ['PLANNING_DISCIPLINE_WAIT', 'REMOVAL', '2021-12-27', '2025-10-08', 60, REG_50, `Điều 6${TO_CHECK}`],
  ['PLANNING_YOUNG_AGE', null, '2021-12-27', '2025-10-08', 45, REG_50, `Điều 5${TO_CHECK}`],
  ['PLANNING_TARGET_YOUNG', null, '2021-12-27', '2025-10-08', 15, REG_50, `Điều 5${TO_CHECK}`],
  ['PLANNING_TARGET_WOMEN', null, '2021-12-27', '2025-10-08', 25, REG_50, `Điều 5${TO_CHECK}`],
  ['PLANNING_PEOPLE_PER_POSITION', null, '2025-10-08', null, 3, REG_377, TO_CHECK.trim()],
  ['PLANNING_POSITIONS_PER_PERSON', null, '2025-10-08', null, 3, REG_377, TO_CHECK.trim()],
  ['PLANNING_WORKING_TERMS', null, '2025-10-08', null, 2, REG_377, `quy hoạch nhiệm kỳ kế tiếp${TO_CHECK}`],
  ['PLANNING_DISCIPLINE_WAIT', 'REPRIMAND', '2025-10-08', null, 24, REG_377, TO_CHECK.trim()],
  ['PLANNING_DISCIPLINE_WAIT', 'WARNING', '2025-10-08', null, 36, REG_377, TO_CHECK.trim()],
  ['PLANNING_DISCIPLINE_WAIT', 'REMOVAL', '2025-10-08', null, 60, REG_377, TO_CHECK.trim()],
  ['PLANNING_YOUNG_AGE', null, '2025-10-08', null, 45, REG_377, TO_CHECK.trim()],
  ['PLANNING_TARGET_YOUNG', null, '2025-10-08', null, 15, REG_377, TO_CHECK.trim()],
  ['PLANNING_TARGET_WOMEN', null, '2025-10-08', null, 25, REG_377, TO_CHECK.trim()],
  ['ROTATION_PLANNED_ONLY', null, '2022-04-28', null, null, REG_65, `Điều 4${TO_CHECK}`],
  ['ROTATION_YEARS_LEFT', null, '2022-04-28', null, 10, REG_65, `Điều 4${TO_CHECK}`],
  ['ROTATION_MIN_MONTHS', null, '2022-04-28', null, 36, REG_65, `Điều 4${TO_CHECK}`],
  ['ROTATION_TITLE_IN_CATALOGUE', null, '2022-04-28', null, null, REG_65, `Điều 3${TO_CHECK}`],
];

/** Before Regulation 65 the 2002 resolution on rotation set the same rules (placeholder period from 2002). */
const ROTATION_2002 = 'Nghị quyết 11-NQ/TW ngày 25/01/2002 về luân chuyển cán bộ';
const ROTATION_BEFORE_65: RuleRow[] = (['ROTATION_PLANNED_ONLY', 'ROTATION_YEARS_LEFT', 'ROTATION_MIN_MONTHS', 'ROTATION_TITLE_IN_CATALOGUE'] as const).map(
  (code) => {
    const current = RULES.find((row) => row[0] === code);
    return [code, null, '2002-01-25', '2022-04-28', current ? current[4] : null, ROTATION_2002, TO_CHECK.trim()];
  },
);

function insert(runner: QueryRunner, table: string, columns: string[], rows: unknown[][]): Promise<unknown> {
  const values = rows.map((row, index) => `(${row.map((_, column) => `$${index * row.length + column + 1}`).join(', ')})`);
  return runner.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, rows.flat());
}

/**
 * Rule data of cadre work, each row with its period, source document and article: retirement
 * ages (the base of every "years of work left" rule) and the rules of cadre planning and
 * rotation. A new regulation is a new row, never an edit.
 */
export class CadreRules1733300000000 implements MigrationInterface {
  name = 'CadreRules1733300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE retirement_age_rule (
        gender       text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        valid_from   date NOT NULL,
        valid_to     date,
        base_months  integer NOT NULL CHECK (base_months > 0),
        step_months  integer NOT NULL CHECK (step_months >= 0),
        max_months   integer NOT NULL CHECK (max_months >= base_months),
        source       text NOT NULL,
        article      text NOT NULL,
        PRIMARY KEY (gender, valid_from),
        CONSTRAINT retirement_age_rule_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT retirement_age_rule_no_overlap EXCLUDE USING gist (gender WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await insert(runner, 'retirement_age_rule', ['gender', 'valid_from', 'valid_to', 'base_months', 'step_months', 'max_months', 'source', 'article'], RETIREMENT);
    await runner.query(`
      CREATE TABLE cadre_rule (
        code        text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        qualifier   text NOT NULL DEFAULT '',
        valid_from  date NOT NULL,
        valid_to    date,
        amount      integer,
        source      text NOT NULL,
        article     text NOT NULL,
        PRIMARY KEY (code, qualifier, valid_from),
        CONSTRAINT cadre_rule_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT cadre_rule_no_overlap EXCLUDE USING gist (code WITH =, qualifier WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    const rows = [...ROTATION_BEFORE_65, ...RULES].map(([code, qualifier, ...rest]) => [code, qualifier ?? '', ...rest]);
    await insert(runner, 'cadre_rule', ['code', 'qualifier', 'valid_from', 'valid_to', 'amount', 'source', 'article'], rows);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE cadre_rule');
    await runner.query('DROP TABLE retirement_age_rule');
  }
}
