import type { MigrationInterface, QueryRunner } from 'typeorm';
import { validatedDownsizingTriggers } from '../downsizing-trigger/downsizing-trigger.rules';

/**
 * The rating grounds of staff downsizing as dated rule data with their source: Decree 29/2023
 * until 16 Jun 2025, Decree 154/2025 from then. Kept apart from the rating rule sets because
 * their periods are the downsizing decrees', not the rating decrees'.
 */
export class DownsizingTriggers1733610000000 implements MigrationInterface {
  name = 'DownsizingTriggers1733610000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await runner.query(`
      CREATE TABLE downsizing_trigger (
        code                text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        valid_from          date NOT NULL,
        valid_to            date,
        name                text NOT NULL CHECK (length(btrim(name)) > 0),
        window_years        integer NOT NULL CHECK (window_years BETWEEN 1 AND 5),
        required_levels     text[] NOT NULL CHECK (cardinality(required_levels) BETWEEN 1 AND window_years
                                                   AND required_levels <@ ARRAY['HTXS', 'HTT', 'HTNV', 'KHTNV']),
        needs_volunteering  boolean NOT NULL,
        source_document     text NOT NULL CHECK (length(btrim(source_document)) > 0),
        source_article      text NOT NULL CHECK (length(btrim(source_article)) > 0),
        PRIMARY KEY (code, valid_from),
        CONSTRAINT downsizing_trigger_period CHECK (valid_to IS NULL OR valid_to > valid_from),
        CONSTRAINT downsizing_trigger_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
      )`);
    await runner.query(
      `INSERT INTO downsizing_trigger (code, valid_from, valid_to, name, window_years, required_levels, needs_volunteering, source_document, source_article)
       SELECT code, "validFrom", "validTo", name, "windowYears", ARRAY(SELECT jsonb_array_elements_text("requiredLevels")), "needsVolunteering",
              "sourceDocument", "sourceArticle"
         FROM jsonb_to_recordset($1::jsonb) AS rule (code text, "validFrom" date, "validTo" date, name text, "windowYears" int,
                                                     "requiredLevels" jsonb, "needsVolunteering" boolean, "sourceDocument" text, "sourceArticle" text)`,
      [JSON.stringify(validatedDownsizingTriggers())],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE downsizing_trigger');
  }
}
