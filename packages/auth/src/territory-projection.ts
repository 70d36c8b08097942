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

/**
 * Inserts or replaces nodes of the projection by code. A version older than the one held is
 * ignored, and a version's known end is kept, so a late or replayed event never rolls the
 * projection back.
 */
export async function upsertTerritoryNodes(manager: EntityManager, nodes: TerritoryNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await manager.query(
    `INSERT INTO territory_unit (code, path, name, tier, valid_from, valid_to, updated_at)
     SELECT code, path::ltree, name, tier, valid_from, valid_to, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
         AS node(code, path, name, tier, valid_from, valid_to)
     ON CONFLICT (code) DO UPDATE
       SET path = EXCLUDED.path, name = EXCLUDED.name, tier = EXCLUDED.tier, valid_from = EXCLUDED.valid_from,
           -- the same version arriving late (another partition) keeps the end already known
           valid_to = CASE WHEN EXCLUDED.valid_from IS NOT DISTINCT FROM territory_unit.valid_from
                           THEN coalesce(territory_unit.valid_to, EXCLUDED.valid_to) ELSE EXCLUDED.valid_to END,
           updated_at = now()
       WHERE territory_unit.valid_from IS NULL OR EXCLUDED.valid_from IS NULL
          OR EXCLUDED.valid_from >= territory_unit.valid_from`,
    [
      nodes.map((node) => node.code),
      nodes.map((node) => node.path),
      nodes.map((node) => node.name),
      nodes.map((node) => node.tier),
      nodes.map((node) => node.validFrom),
      nodes.map((node) => node.validTo),
    ],
  );
}

/** Marks nodes as ended on a date (dissolved, or merged away). */
export async function endTerritoryNodes(manager: EntityManager, codes: string[], date: string): Promise<void> {
  if (codes.length === 0) return;
  await manager.query(
    'UPDATE territory_unit SET valid_to = $2, updated_at = now() WHERE code = ANY($1::text[]) AND valid_to IS NULL',
    [codes, date],
  );
}

const territoryNode = z.object({
  code: z.string().min(1),
  path: z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/),
  name: z.string().min(1),
  tier: z.string().min(1),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
const effectiveDate = z.string();

/**
 * Keeps `territory_unit` in step with the territory owner's events on `topic` (the consumer's
 * own view of those contracts: fields it does not need are ignored): units created, merged,
 * split, dissolved, moved and renamed.
 */
export function projectTerritory(consumer: InboxConsumer, topic: string): InboxConsumer {
  const event = <Shape extends z.ZodRawShape>(type: string, shape: Shape) =>
    defineEvent({ type, version: 1, topic, payload: z.object(shape) });
  return consumer
    .on(event('UnitCreated', territoryNode.shape), (e, m) => upsertTerritoryNodes(m, [e.payload]))
    .on(
      event('UnitsMerged', { predecessors: z.array(z.string()), successor: territoryNode, rehomed: z.array(territoryNode), effectiveDate }),
      async (e, m) => {
        const { predecessors, successor, rehomed } = e.payload;
        await endTerritoryNodes(m, predecessors.filter((code) => code !== successor.code), e.payload.effectiveDate);
        await upsertTerritoryNodes(m, [successor, ...rehomed]);
      },
    )
    .on(
      event('UnitSplit', { predecessor: z.string(), successors: z.array(territoryNode), rehomed: z.array(territoryNode), effectiveDate }),
      async (e, m) => {
        const { predecessor, successors, rehomed } = e.payload;
        if (!successors.some((node) => node.code === predecessor)) await endTerritoryNodes(m, [predecessor], e.payload.effectiveDate);
        await upsertTerritoryNodes(m, [...successors, ...rehomed]);
      },
    )
    .on(event('UnitDissolved', { code: z.string(), closed: z.array(z.string()), effectiveDate }), (e, m) =>
      endTerritoryNodes(m, [e.payload.code, ...e.payload.closed], e.payload.effectiveDate),
    )
    .on(event('UnitMoved', { unit: territoryNode, rehomed: z.array(territoryNode) }), (e, m) =>
      upsertTerritoryNodes(m, [e.payload.unit, ...e.payload.rehomed]),
    )
    .on(event('UnitRenamed', { unit: territoryNode }), (e, m) => upsertTerritoryNodes(m, [e.payload.unit]));
}
