import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules that a Party card number and a personal id each belong to one membership and one
 * person, checked through GiST indexes led by the text's hash (an integer) before the text
 * itself: the same rules (equal texts have equal hashes), but inserting a version no longer
 * compares text by collation at every level of the tree. Every new version of a membership or a
 * person goes through them: carrying 5,000 memberships to a successor (closing their versions
 * and writing the next) took 0.64 + 0.54 s and takes 0.36 + 0.33 s; 5,000 people's e-files
 * 0.46 + 0.43 s and 0.31 + 0.28 s. Lookups by card number or personal id keep an index of
 * their own (a GiST index led by the hash answers them by walking the whole tree).
 */
export class CardAndPersonalIdRulesByHash1734120000000 implements MigrationInterface {
  name = 'CardAndPersonalIdRulesByHash1734120000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE party_membership
        DROP CONSTRAINT party_membership_card_number,
        ADD CONSTRAINT party_membership_card_number EXCLUDE USING gist ((hashtext(card_number)) WITH =, card_number WITH =, id WITH <>)`);
    await runner.query('CREATE INDEX party_membership_card_lookup ON party_membership (card_number) WHERE card_number IS NOT NULL');
    await runner.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_one_per_personal_id,
        ADD CONSTRAINT person_one_per_personal_id EXCLUDE USING gist ((hashtext(personal_id)) WITH =, personal_id WITH =, ((id)::text) WITH <>)`);
    await runner.query('CREATE INDEX person_personal_id_lookup ON person (personal_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX person_personal_id_lookup');
    await runner.query(`
      ALTER TABLE person
        DROP CONSTRAINT person_one_per_personal_id,
        ADD CONSTRAINT person_one_per_personal_id EXCLUDE USING gist (personal_id WITH =, ((id)::text) WITH <>)`);
    await runner.query('DROP INDEX party_membership_card_lookup');
    await runner.query(`
      ALTER TABLE party_membership
        DROP CONSTRAINT party_membership_card_number,
        ADD CONSTRAINT party_membership_card_number EXCLUDE USING gist (card_number WITH =, id WITH <>)`);
  }
}
