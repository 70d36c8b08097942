import { eventMessage, type OutgoingMessage } from '@ps/events';
import { UnitCreated, type UnitVersion } from './unit.events';

const unit = (code: string, name: string, tier: UnitVersion['tier'], parentCode: string | null, path: string): UnitVersion => ({
  code,
  name,
  tier,
  parentCode,
  path,
  validFrom: '1999-01-01',
  validTo: null,
  decision: null,
});

/** The demo territory tests and demos start from: Tỉnh Bình Dương, Huyện Dầu Tiếng and two of its communes. */
export const DEMO_TERRITORY_VERSIONS: readonly UnitVersion[] = [
  unit('74', 'Tỉnh Bình Dương', 'PROVINCE', null, '74'),
  unit('720', 'Huyện Dầu Tiếng', 'DISTRICT', '74', '74.720'),
  unit('25801', 'Xã An Lập', 'COMMUNE', '720', '74.720.25801'),
  unit('25789', 'Xã Định An', 'COMMUNE', '720', '74.720.25789'),
];

/**
 * The demo territory as the organization service announces it: one UnitCreated v1 per unit,
 * keyed by its code, ready to publish on the organization topic. New event ids on every call.
 */
export function demoTerritoryAnnouncements(): OutgoingMessage[] {
  return DEMO_TERRITORY_VERSIONS.map((version) =>
    eventMessage(UnitCreated, version, { aggregateId: version.code, unitPath: version.path, actor: 'system:test' }),
  );
}
