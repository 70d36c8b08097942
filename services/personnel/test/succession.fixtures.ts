import { demoTerritoryAnnouncements, UnitCreated } from '@ps/contracts';
import { eventMessage } from '@ps/events';
import { startService, type RunningService, type ServiceEnv } from '@ps/service-kit';
import { publishAndAwait, recreateTestDatabase } from '@ps/testing';
import { personnelService } from '../src/service';

/**
 * Personnel on a fresh database, its territory projected: the demo tree and the two communes
 * (25798, 25807) the succession specs merge and close bodies in.
 */
export async function startWithSuccessionCommunes(env: ServiceEnv): Promise<RunningService> {
  await recreateTestDatabase(env.DATABASE_URL);
  const service = await startService(personnelService, env);
  const communes = ['25798', '25807'].map((code) =>
    eventMessage(UnitCreated, { code, name: `Xã ${code}`, tier: 'COMMUNE', parentCode: '720', path: `74.720.${code}`, validFrom: '1999-01-01', validTo: null, decision: null },
      { aggregateId: code, actor: 'system:test' }));
  await publishAndAwait([...demoTerritoryAnnouncements(), ...communes], (messages) => service.bus.publish(messages),
    async () => (await service.dataSource.query('SELECT count(DISTINCT code)::int AS n FROM territory_unit'))[0].n, 'territory projected');
  return service;
}
