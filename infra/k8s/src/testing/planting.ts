import { failures, type Check, type K8sObject } from '../manifest';
import { rendered } from '../render';

/** A fresh copy of a rendered target's objects, to plant faults into. */
export const copyOf = (target: string): K8sObject[] => rendered(target);

/** The object of that kind and name (throws when the manifests no longer have it). */
export function pick(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`test fixture: no ${kind} ${name} in the rendered objects`);
  return found;
}

/** Sets a value at a dotted path (`spec.storage.volumes.0.size`), creating objects on the way. */
export function plant(target: object, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let at = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

/** Removes the value at a dotted path. */
export function uproot(target: object, dotted: string): void {
  const keys = dotted.split('.');
  let at = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  delete at[keys[keys.length - 1]];
}

export { failures };
export type { Check };
