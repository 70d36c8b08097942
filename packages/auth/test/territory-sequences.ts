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
import { eventMessage, type IncomingMessage, type OutgoingMessage } from '@ps/events';

/** A few communes and their hamlets, so that the generated events keep meeting the same codes. */
const COMMUNES = ['40001', '40002', '40003', '40004'];
const HAMLETS = ['40001_01', '40002_01'];
/** Few dates and few statement times, so that versions collide on a day and statements tie. */
const DATES = ['2001-01-01', '2005-07-01', '2010-01-01', '2015-01-01', '2020-07-01'];
const STATED = ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:01.000Z', '2030-01-01T00:00:02.000Z', '2030-01-01T00:00:03.000Z'];
const DISTRICTS = ['720', '721'];

/** A deterministic stream of choices (mulberry32), so that a failing seed can be replayed. */
function choices(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(next() * items.length)];
  return { next, pick };
}

type Choices = ReturnType<typeof choices>;

function version(choose: Choices, code: string, validFrom: string): UnitVersion {
  const hamlet = code.includes('_');
  const parentCode = hamlet ? choose.pick(COMMUNES) : choose.pick(DISTRICTS);
  const later = DATES.filter((date) => date > validFrom);
  return {
    code,
    name: `${hamlet ? 'Ấp' : 'Xã'} ${code} ${choose.pick(['Đông', 'Tây'])}`,
    tier: hamlet ? 'HAMLET' : 'COMMUNE',
    parentCode,
    path: hamlet ? `74.720.${parentCode}.${code}` : `74.${parentCode}.${code}`,
    validFrom,
    // now and then a version the producer already knows the end of
    validTo: later.length > 0 && choose.next() < 0.15 ? choose.pick(later) : null,
    decision: null,
  };
}

const facts = (effectiveDate: string) => ({ effectiveDate, reason: 'Sắp xếp đơn vị hành chính', decision: null });

/** One territory event of any kind, about units of the small pool. */
function territoryEvent(choose: Choices): OutgoingMessage {
  const date = choose.pick(DATES);
  const commune = choose.pick(COMMUNES);
  const other = choose.pick(COMMUNES.filter((code) => code !== commune));
  const hamlet = choose.pick(HAMLETS);
  const meta = { aggregateId: commune, actor: 'system:test' };
  switch (Math.floor(choose.next() * 7)) {
    case 0:
      return eventMessage(UnitCreated, version(choose, choose.pick([...COMMUNES, ...HAMLETS]), date), meta);
    case 1:
      return eventMessage(UnitsMerged, {
        predecessors: [commune, other],
        successor: version(choose, choose.pick([commune, other]), date),
        rehomed: choose.next() < 0.5 ? [version(choose, hamlet, date)] : [],
        endedOrganizations: [],
        ...facts(date),
      }, meta);
    case 2:
      return eventMessage(UnitSplit, {
        predecessor: commune,
        successors: [version(choose, choose.next() < 0.5 ? commune : choose.pick(COMMUNES), date), version(choose, other, date)],
        rehomed: [],
        endedOrganizations: [],
        ...facts(date),
      }, meta);
    case 3:
      return eventMessage(UnitDissolved, {
        code: commune,
        closed: choose.next() < 0.5 ? [hamlet] : [],
        successor: null,
        rehomed: choose.next() < 0.3 ? [version(choose, hamlet, date)] : [],
        endedOrganizations: [],
        ...facts(date),
      }, meta);
    case 4:
      return eventMessage(UnitMoved, { previousParentCode: '720', unit: version(choose, commune, date), rehomed: [version(choose, hamlet, date)], ...facts(date) }, meta);
    case 5:
      return eventMessage(UnitRenamed, { previousName: 'Xã Cũ', unit: version(choose, commune, date), ...facts(date) }, meta);
    default:
      return eventMessage(BoundaryAdjusted, { from: commune, to: other, area: 'Ấp Mới', rehomed: [version(choose, hamlet, date)], ...facts(date) }, meta);
  }
}

/** The message with its event stated at another time (a correction, or a statement arriving late). */
function statedAt(message: OutgoingMessage, occurredAt: string): OutgoingMessage {
  return { ...message, value: JSON.stringify({ ...JSON.parse(message.value), occurredAt }) };
}

/**
 * `length` territory events as Kafka could hand them to a consumer: of every kind, stated at
 * few times (so statements tie and arrive out of order), several versions of one code and
 * restatements of one version, and now and then an event delivered again.
 */
export function territorySequence(seed: number, length: number): IncomingMessage[] {
  const choose = choices(seed);
  const events: OutgoingMessage[] = [];
  while (events.length < length) {
    const redelivery = events.length > 0 && choose.next() < 0.08;
    events.push(redelivery ? choose.pick(events) : statedAt(territoryEvent(choose), choose.pick(STATED)));
  }
  return events.map((event, offset) => ({ ...event, headers: event.headers ?? {}, partition: 0, offset: String(offset) }));
}
