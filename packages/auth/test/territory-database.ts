import { CreateMessagingTables1732770000000, OutboxTraceContext1734400000000 } from '@ps/events';
import { infrastructure, recreateTestDatabase } from '@ps/testing';
import { DataSource, type Logger } from 'typeorm';
import { CreateTerritoryProjection1732780000000, DateTerritoryProjection1732850000000, MarkCeasedUnits1732855000000 } from '../src';

/** The tables a service keeping the projection has: its inbox and `territory_unit`, in their order. */
export const TERRITORY_MIGRATIONS = [
  CreateMessagingTables1732770000000,
  OutboxTraceContext1734400000000,
  CreateTerritoryProjection1732780000000,
  DateTerritoryProjection1732850000000,
  MarkCeasedUnits1732855000000,
];

/** A fresh database `ps_auth_<name>_test` with `migrations` run; `logger` sees every statement. */
export async function openDatabase(name: string, migrations: Array<new () => object>, logger?: Logger): Promise<DataSource> {
  const url = infrastructure.databaseUrl(`ps_auth_${name}_test`);
  await recreateTestDatabase(url);
  const dataSource = new DataSource({ type: 'postgres', url, migrations, logger });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
