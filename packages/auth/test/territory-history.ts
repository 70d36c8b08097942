import {
  BoundaryAdjusted,
  UnitCreated,
  UnitDissolved,
  UnitMoved,
  UnitRenamed,
  UnitSplit,
  UnitsMerged,
  type UnitVersion,
} from '@ps/contracts';
import { eventMessage, type OutgoingMessage } from '@ps/events';

const version = (code: string, name: string, path: string, validFrom: string): UnitVersion => ({
  code,
  name,
  tier: code.includes('_') ? 'HAMLET' : 'COMMUNE',
  parentCode: path.split('.').slice(-2, -1)[0] ?? null,
  path,
  validFrom,
  validTo: null,
  decision: null,
});
const facts = (effectiveDate: string) => ({ effectiveDate, reason: 'Sắp xếp đơn vị hành chính', decision: null });
const meta = (aggregateId: string) => ({ aggregateId, actor: 'system:test' });

/**
 * Thirty years of a few communes, as the organization service announces them, in the
 * order it would: created, moved with a hamlet, renamed, split, dissolved, merged (keeping
 * one predecessor's code, the hamlet rehomed), and a boundary adjusted.
 */
export function territoryHistory(): OutgoingMessage[] {
  const anHoa = version('30001', 'Xã An Hòa', '74.720.30001', '1999-01-01');
  const binhMinh = version('30002', 'Xã Bình Minh', '74.720.30002', '1999-01-01');
  const camLo = version('30003', 'Xã Cam Lộ', '74.720.30003', '1999-01-01');
  const dongTam = version('30004', 'Xã Đồng Tâm', '74.720.30004', '1999-01-01');
  const benCui = version('30001_01', 'Ấp Bến Củi', '74.720.30001.30001_01', '2005-01-01');
  const xomMoi = version('30004_01', 'Ấp Xóm Mới', '74.720.30004.30004_01', '1999-01-01');
  return [
    ...[anHoa, binhMinh, camLo, dongTam, benCui, xomMoi].map((unit) => eventMessage(UnitCreated, unit, meta(unit.code))),
    eventMessage(
      UnitMoved,
      {
        previousParentCode: '720',
        unit: version('30001', 'Xã An Hòa', '74.722.30001', '2010-01-01'),
        rehomed: [version('30001_01', 'Ấp Bến Củi', '74.722.30001.30001_01', '2010-01-01')],
        ...facts('2010-01-01'),
      },
      meta('30001'),
    ),
    eventMessage(
      UnitSplit,
      {
        predecessor: '30003',
        successors: [
          version('30003', 'Xã Cam Lộ', '74.720.30003', '2012-01-01'),
          version('30005', 'Xã Cam Thành', '74.720.30005', '2012-01-01'),
        ],
        rehomed: [],
        endedOrganizations: [],
        ...facts('2012-01-01'),
      },
      meta('30003'),
    ),
    eventMessage(
      UnitRenamed,
      { previousName: 'Xã Bình Minh', unit: version('30002', 'Xã Bình Minh Mới', '74.720.30002', '2015-01-01'), ...facts('2015-01-01') },
      meta('30002'),
    ),
    eventMessage(UnitDissolved, { code: '30003', closed: [], successor: '720', endedOrganizations: [], ...facts('2020-01-01') }, meta('30003')),
    eventMessage(
      UnitsMerged,
      {
        predecessors: ['30001', '30002'],
        successor: version('30002', 'Xã Bình Minh', '74.720.30002', '2025-07-01'),
        rehomed: [version('30001_01', 'Ấp Bến Củi', '74.720.30002.30001_01', '2025-07-01')],
        endedOrganizations: [],
        ...facts('2025-07-01'),
      },
      meta('30002'),
    ),
    // The same day, a move recorded and then the unit dissolved: the move never takes effect.
    eventMessage(
      UnitMoved,
      { previousParentCode: '720', unit: version('30005', 'Xã Cam Thành', '74.721.30005', '2027-01-01'), rehomed: [], ...facts('2027-01-01') },
      meta('30005'),
    ),
    eventMessage(UnitDissolved, { code: '30005', closed: [], successor: null, endedOrganizations: [], ...facts('2027-01-01') }, meta('30005')),
    eventMessage(
      BoundaryAdjusted,
      { from: '30004', to: '30002', area: 'Ấp Xóm Mới', rehomed: [version('30004_01', 'Ấp Xóm Mới', '74.720.30002.30004_01', '2026-01-01')], ...facts('2026-01-01') },
      meta('30002'),
    ),
  ];
}

/** The rows that history leaves in `territory_unit`, whatever order it arrived in. */
export const HISTORY_ROWS = [
  { code: '30001', valid_from: '1999-01-01', valid_to: '2010-01-01', path: '74.720.30001', name: 'Xã An Hòa', parent_code: '720' },
  { code: '30001', valid_from: '2010-01-01', valid_to: '2025-07-01', path: '74.722.30001', name: 'Xã An Hòa', parent_code: '722' },
  { code: '30001_01', valid_from: '2005-01-01', valid_to: '2010-01-01', path: '74.720.30001.30001_01', name: 'Ấp Bến Củi', parent_code: '30001' },
  { code: '30001_01', valid_from: '2010-01-01', valid_to: '2025-07-01', path: '74.722.30001.30001_01', name: 'Ấp Bến Củi', parent_code: '30001' },
  { code: '30001_01', valid_from: '2025-07-01', valid_to: null, path: '74.720.30002.30001_01', name: 'Ấp Bến Củi', parent_code: '30002' },
  { code: '30002', valid_from: '1999-01-01', valid_to: '2015-01-01', path: '74.720.30002', name: 'Xã Bình Minh', parent_code: '720' },
  { code: '30002', valid_from: '2015-01-01', valid_to: '2025-07-01', path: '74.720.30002', name: 'Xã Bình Minh Mới', parent_code: '720' },
  { code: '30002', valid_from: '2025-07-01', valid_to: null, path: '74.720.30002', name: 'Xã Bình Minh', parent_code: '720' },
  { code: '30003', valid_from: '1999-01-01', valid_to: '2012-01-01', path: '74.720.30003', name: 'Xã Cam Lộ', parent_code: '720' },
  { code: '30003', valid_from: '2012-01-01', valid_to: '2020-01-01', path: '74.720.30003', name: 'Xã Cam Lộ', parent_code: '720' },
  { code: '30004', valid_from: '1999-01-01', valid_to: null, path: '74.720.30004', name: 'Xã Đồng Tâm', parent_code: '720' },
  { code: '30004_01', valid_from: '1999-01-01', valid_to: '2026-01-01', path: '74.720.30004.30004_01', name: 'Ấp Xóm Mới', parent_code: '30004' },
  { code: '30004_01', valid_from: '2026-01-01', valid_to: null, path: '74.720.30002.30004_01', name: 'Ấp Xóm Mới', parent_code: '30002' },
  { code: '30005', valid_from: '2012-01-01', valid_to: '2027-01-01', path: '74.720.30005', name: 'Xã Cam Thành', parent_code: '720' },
  { code: '30005', valid_from: '2027-01-01', valid_to: '2027-01-01', path: '74.721.30005', name: 'Xã Cam Thành', parent_code: '721' },
];
