import { CreateMessagingTables1732770000000, OutboxTraceContext1734400000000, defineEvent } from '@ps/events';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { Field, ObjectType } from 'type-graphql';
import { Column, DataSource, Entity, type MigrationInterface, type QueryRunner } from 'typeorm';
import { z } from 'zod';
import { AuditTrailReads1733100000000, CreateDecisionsAndAuditTrail1732845000000, Decision, EffectiveVersion, type Actor } from '../src';

/** A dated thing of the write specs' own: a named post in a unit. */
@ObjectType()
@Entity({ name: 'post' })
export class Post extends EffectiveVersion {
  @Field()
  @Column({ type: 'text' })
  title!: string;
}

class CreatePosts1732846000000 implements MigrationInterface {
  name = 'CreatePosts1732846000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE post (
      version_id uuid PRIMARY KEY DEFAULT gen_random_uuid(), id uuid NOT NULL, title text NOT NULL,
      valid_from date NOT NULL, valid_to date, reason text, decision_id uuid, created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), closed_reason text, closed_decision_id uuid, closed_by text, closed_at timestamptz)`);
    await runner.query(`CREATE TABLE tree (code text, path ltree, name text, valid_from date)`);
    await runner.query(`INSERT INTO tree VALUES ('74', '74', 'Tỉnh Bình Dương', '1997-01-01'), ('720', '74.720', 'Huyện Dầu Tiếng', '1999-01-01'),
      ('25801', '74.720.25801', 'Xã An Lập', '1999-01-01'), ('25789', '74.720.25789', 'Xã Định An', '1999-01-01')`);
  }
  async down(): Promise<void> {}
}

export const PostChanged = defineEvent({ type: 'PostChanged', version: 1, topic: 'posts.events.v1', payload: z.object({ title: z.string() }) });
export const actor: Actor = { userId: 'u-1', username: 'admin.anlap', role: 'commune-admin', unitCode: '25801' };
export const change = (effectiveDate: string, number = '12/QĐ-UBND') => ({
  effectiveDate,
  reason: 'Kiện toàn bộ máy',
  decision: { number, date: '2025-01-02', signer: 'Chủ tịch UBND xã' },
});

/** A fresh database `name` with the kernel's tables, the outbox and the posts, migrated. */
export async function openPostsDatabase(name: string): Promise<DataSource> {
  const url = infrastructure.databaseUrl(name);
  await recreateTestDatabase(url);
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: [Post, Decision],
    migrations: [CreateMessagingTables1732770000000, OutboxTraceContext1734400000000, CreateDecisionsAndAuditTrail1732845000000, AuditTrailReads1733100000000, CreatePosts1732846000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
