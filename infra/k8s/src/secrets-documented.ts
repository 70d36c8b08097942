import fs from 'node:fs';
import path from 'node:path';
import { check, field, ofKind, type Check, type K8sObject } from './manifest';
import { operatorSecrets } from './operator-resources';
import { manifestsRoot } from './render';
import { workloadSecrets } from './workload-environment';

/** Secrets an operator (cert-manager, Strimzi) creates from a declared object need no hand. */
function generatedSecrets(objects: K8sObject[]): Set<string> {
  return new Set([
    ...ofKind(objects, 'Certificate').map((c) => `${c.metadata.namespace}/${field<string>(c, 'spec', 'secretName')}`),
    ...ofKind(objects, 'KafkaUser').map((u) => `${u.metadata.namespace}/${u.metadata.name}`),
    ...ofKind(objects, 'Secret').map((s) => `${s.metadata.namespace}/${s.metadata.name}`),
  ]);
}

/** Every Secret the manifests expect someone to create, by `namespace/name`, with who reads it. */
export function expectedSecrets(objects: K8sObject[]): Map<string, string> {
  const generated = generatedSecrets(objects);
  const all = new Map([...workloadSecrets(objects), ...operatorSecrets(objects)]);
  return new Map([...all].filter(([key]) => !generated.has(key)));
}

// README documents per-service Secrets once, with a placeholder.
const genericName = (name: string) => name
  .replace(/^(organization|personnel|evaluation|reform)-db$/, '<service>-db')
  .replace(/^pg-role-(organization|personnel|evaluation|reform|keycloak)$/, 'pg-role-');

/** Each expected Secret is named in README.md, so the operator of the cluster knows to create it. */
export function secretsAreDocumented(objects: K8sObject[], readme = fs.readFileSync(path.join(manifestsRoot, 'README.md'), 'utf8')): Check[] {
  return [...expectedSecrets(objects)].map(([key, where]) => {
    const name = key.split('/')[1];
    return check(readme.includes(name) || readme.includes(genericName(name)), `Secret ${key} (used by ${where}) is not documented in README.md`);
  });
}
