/** A rendered Kubernetes object, as kustomize prints it. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

/** One check's outcome: rules return every check they made, passed or not. */
export interface Check {
  ok: boolean;
  message: string;
}

export const check = (ok: unknown, message: string): Check => ({ ok: Boolean(ok), message });

export const failures = (checks: Check[]): string[] => checks.filter((c) => !c.ok).map((c) => c.message);

/** `Kind/namespace/name`, the way every message names an object. */
export const objectId = (o: K8sObject): string =>
  `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

/** A field deep inside an object, without a cast at every step. */
export function field<T = unknown>(value: unknown, ...path: (string | number)[]): T | undefined {
  let at: unknown = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at as T | undefined;
}

export const ofKind = (objects: K8sObject[], kind: string): K8sObject[] => objects.filter((o) => o.kind === kind);

export function findObject(objects: K8sObject[], kind: string, namespace: string | undefined, name: string | undefined): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
}
