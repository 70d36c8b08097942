import { InvariantViolation } from '@ps/errors';
import { TODAY } from '../audit.fixtures';
import type { ServiceName } from '../platform';
import POLICY from './access-policy.json';
import type { Caller } from './callers';

/**
 * The written access policy (access-policy.json) as the matrix reads it: who may read, write or
 * approve each operation, over the demo territory it names. Nothing here asks a service; the
 * services are judged against what this file answers.
 */

export type Tier = 'NATIONAL' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type Capability = 'admin' | 'officer' | 'recorder' | 'viewer';
export type Body = 'ORGANIZATION_BOARD' | 'HOME_AFFAIRS';

export interface OperationRule {
  service: ServiceName;
  type: 'query' | 'mutation';
  read?: 'territory' | 'territory-ever' | 'territory-list' | 'territory-both-ends' | 'everyone';
  key?: 'unit' | 'organization' | 'person' | 'evaluation' | 'cycle' | 'proposal';
  capability?: Capability;
  tier?: 'any' | 'above' | 'own' | 'national';
  /** The advisory body that must act; ANY: either of them. */
  body?: Body | 'ANY';
  managingBody?: boolean;
  recorder?: boolean;
  refusedPerRow?: boolean;
  personal?: boolean;
}

interface UnitVersion {
  from: string | null;
  to: string | null;
  path: string;
}
interface PolicyUnit {
  name: string;
  tier: Tier | 'HAMLET';
  versions: UnitVersion[];
}
interface ManagementRow {
  era: string;
  category: string;
  unitTier: Tier;
  managedBy: { tier: Tier; body: Body };
}

export const OPERATIONS = POLICY.operations as Record<string, OperationRule>;
const UNITS = POLICY.territory.units as Record<string, PolicyUnit>;
const MANAGEMENT = POLICY.management as ManagementRow[];
const CAPABILITIES = POLICY.vocabulary.capabilities as Record<Capability, Capability[]>;
const TIERS = POLICY.vocabulary.tiers as Tier[];
/** The day the district tier ended and the two-tier territory began. */
const TWO_TIER_FROM = '2025-07-01';

export { TODAY };
export { composedOperations } from '../composed-schema';

export function ruleOf(operation: string): OperationRule {
  const rule = OPERATIONS[operation];
  if (!rule) throw new InvariantViolation(`${operation} has no row in access-policy.json: classify it before it ships`);
  return rule;
}

export const unitNamed = (code: string): PolicyUnit => {
  const unit = UNITS[code];
  if (!unit) throw new InvariantViolation(`unit ${code} is not in the policy's territory`);
  return unit;
};
export const knowsUnit = (code: string): boolean => code in UNITS;

const inForce = (version: UnitVersion, date: string) => (version.from === null || version.from <= date) && (version.to === null || date < version.to);
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The version of a unit in force on a date, if any. */
export function versionOn(code: string, date: string): UnitVersion | undefined {
  return unitNamed(code).versions.find((version) => inForce(version, date));
}

/**
 * The day a unit is judged on when asked about a date: that date if it was in force, else the
 * nearest day it was (its last day if it had ended, its first if it began later).
 */
function judgedDay(code: string, date: string): { day: string; version: UnitVersion } {
  const { versions } = unitNamed(code);
  const current = versions.find((version) => inForce(version, date));
  if (current) return { day: date, version: current };
  const ended = versions.filter((version) => version.to !== null && version.to <= date).at(-1);
  if (ended?.to) return { day: dayBefore(ended.to), version: ended };
  const first = versions[0];
  return { day: first.from ?? date, version: first };
}

/** The caller's territory on a day: its unit's version then, or the last one before (a ceased unit's accounts keep their history). */
function scopeOn(caller: Caller, day: string): string | null {
  if (caller.tier === 'NATIONAL') return '';
  const versions = unitNamed(caller.unitCode).versions.filter((version) => version.from === null || version.from <= day);
  return versions.at(-1)?.path ?? null;
}

const within = (path: string, scope: string | null) => scope !== null && (scope === '' || path === scope || path.startsWith(`${scope}.`));

/** Whether a unit, asked about on a date, lies inside the caller's territory (the read rule "territory"). */
export function insideTerritory(caller: Caller, code: string, date: string): boolean {
  if (caller.tier === 'NATIONAL') return true;
  const { day, version } = judgedDay(code, date);
  return within(version.path, scopeOn(caller, day));
}

/** Whether a unit lay inside the caller's territory at some time (judged at each end of each of its versions). */
export function everInsideTerritory(caller: Caller, code: string): boolean {
  if (caller.tier === 'NATIONAL') return true;
  return unitNamed(code).versions.some((version) =>
    [version.from ?? '1900-01-01', version.to ? dayBefore(version.to) : TODAY].some((day) => within(version.path, scopeOn(caller, day))),
  );
}

/** Whether a unit path, as answered for a date, lies inside the caller's territory that day. */
export function pathInsideTerritory(caller: Caller, path: string, date: string): boolean {
  return within(path, scopeOn(caller, date));
}

/** A caller's own unit is in force today (a ceased unit's accounts read history only). */
export function serving(caller: Caller): boolean {
  return caller.tier === 'NATIONAL' || versionOn(caller.unitCode, TODAY) !== undefined;
}

const has = (caller: Caller, needed: Capability) => CAPABILITIES[caller.capability].includes(needed);
const higher = (tier: Tier, than: Tier | 'HAMLET') => than === 'HAMLET' || TIERS.indexOf(tier) < TIERS.indexOf(than);

/** Who manages a person's title: the policy's management rows for the person's category, unit tier and era. */
export function managerOf(category: string | null, unitTier: Tier | 'HAMLET', date: string): { tier: Tier; body: Body } | null {
  const era = date >= TWO_TIER_FROM ? 'from 2025-07-01' : 'until 2025-06-30';
  return MANAGEMENT.find((row) => row.era === era && row.category === category && row.unitTier === unitTier)?.managedBy ?? null;
}

/** Whether the caller manages a person of that category in that unit on that date (personal data in full, writes on the file). */
export function manages(caller: Caller, person: { category: string | null; unitCode: string }, date: string): boolean {
  const manager = managerOf(person.category, unitNamed(person.unitCode).tier, date);
  return manager !== null && caller.tier === manager.tier && caller.body === manager.body && insideTerritory(caller, person.unitCode, date);
}

/** May the caller read through `operation` what lies in `unitCode` on `date`? */
export function mayRead(caller: Caller, operation: string, unitCode: string | null, date: string): boolean {
  const rule = ruleOf(operation);
  if (rule.capability && !has(caller, rule.capability)) return false;
  if (rule.read === 'everyone' || rule.read === 'territory-list' || unitCode === null) return true;
  if (rule.read === 'territory-ever') return everInsideTerritory(caller, unitCode);
  return insideTerritory(caller, unitCode, date);
}

/** What a mutation acts on, as the policy judges it. */
export interface WriteTarget {
  /** The unit whose subtree must hold the change (today). */
  unitCode: string;
  /** The tier of what is changed: the unit's own, or HAMLET for a hamlet. */
  tier: Tier | 'HAMLET';
  /** For a write on a person's file: whose. */
  person?: { category: string; unitCode: string };
}

/** Why the policy refuses a change, or null when it allows it. */
export type Refusal = 'ceased' | 'territory' | 'capability' | 'tier' | 'body' | 'managing';

/** May the caller make this change? Null when it may, else the first rule that refuses it. */
export function writeRefusal(caller: Caller, operation: string, target: WriteTarget): Refusal | null {
  const rule = ruleOf(operation);
  if (!insideTerritory(caller, target.unitCode, TODAY)) return 'territory';
  if (!serving(caller)) return 'ceased';
  if (rule.tier === 'national') return caller.tier === 'NATIONAL' && has(caller, 'recorder') ? null : 'tier';
  const capable = rule.capability !== undefined && has(caller, rule.capability);
  const recording = rule.recorder === true && caller.tier === 'NATIONAL' && has(caller, 'recorder');
  if (!capable && !recording) return 'capability';
  if (rule.tier === 'above' && !higher(caller.tier, target.tier)) return 'tier';
  if (rule.tier === 'own' && caller.unitCode !== target.unitCode) return 'tier';
  if (rule.body === 'ANY' ? caller.body === null : rule.body !== undefined && caller.body !== rule.body) return 'body';
  if (rule.managingBody && target.person && !manages(caller, target.person, TODAY)) return 'managing';
  return null;
}

export const mayWrite = (caller: Caller, operation: string, target: WriteTarget): boolean => writeRefusal(caller, operation, target) === null;
