import { defineEvent, type InboxConsumer } from '@ps/events';
import { z } from 'zod';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import type { TerritorySource } from './territory-guard';

/**
 * The local copy of the territory tree kept by services that do not own it: one row per
 * unit code with its current path, fed from the owner's events. The guard reads it.
 */
export const TERRITORY_PROJECTION: TerritorySource = {
  table: 'territory_unit',
  codeColumn: 'code',
  pathColumn: 'path',
};

export interface TerritoryNode {
  code: string;
  /** ltree path, root first: `74.720.25801`. */
  path: string;
  name: string;
  tier: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Creates `territory_unit` (ltree path with a GiST index for subtree scans). */
export class CreateTerritoryProjection1732780000000 implements MigrationInterface {
  name = 'CreateTerritoryProjection1732780000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await runner.query(`
      CREATE TABLE territory_unit (
        code        text PRIMARY KEY,
        path        ltree NOT NULL,
        name        text NOT NULL,
        tier        text NOT NULL,
        valid_from  date,
        valid_to    date,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX territory_unit_path_gist ON territory_unit USING gist (path)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE territory_unit');
  }
}

/** Inserts or replaces one node of the projection (idempotent by code). */
export async function upsertTerritoryNode(manager: EntityManager, node: TerritoryNode): Promise<void> {
  await manager.query(
    `INSERT INTO territory_unit (code, path, name, tier, valid_from, valid_to, updated_at)
     VALUES ($1, $2::ltree, $3, $4, $5, $6, now())
     ON CONFLICT (code) DO UPDATE
       SET path = EXCLUDED.path, name = EXCLUDED.name, tier = EXCLUDED.tier,
           valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, updated_at = now()`,
    [node.code, node.path, node.name, node.tier, node.validFrom, node.validTo],
  );
}

const territoryNodePayload = z.object({
  code: z.string().min(1),
  path: z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/),
  name: z.string().min(1),
  tier: z.string().min(1),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

/**
 * Keeps `territory_unit` in step with the territory owner's `UnitCreated` events on `topic`
 * (the consumer's own view of that contract: extra fields are ignored).
 */
export function projectTerritory(consumer: InboxConsumer, topic: string): InboxConsumer {
  const unitCreated = defineEvent({ type: 'UnitCreated', version: 1, topic, payload: territoryNodePayload });
  return consumer.on(unitCreated, (event, manager) => upsertTerritoryNode(manager, event.payload));
}
