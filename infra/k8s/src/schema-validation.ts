import type { ErrorObject } from 'ajv';
import { check, objectId, type Check, type K8sObject } from './manifest';
import type { SchemaCatalogue } from './schema-catalogue';

/** `/spec/kafka/listeners/0/port` → `spec.kafka.listeners[0].port`. */
export function fieldPath(pointer: string): string {
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

function describe(error: ErrorObject): string {
  const at = fieldPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    return `${at ? `${at}.` : ''}${name}: unknown field "${name}"`;
  }
  if (error.keyword === 'enum') return `${at}: must be one of ${JSON.stringify(error.params.allowedValues)}`;
  return `${at || '(root)'}: ${error.message ?? error.keyword}`;
}

// anyOf reports every branch it tried; its own summary line is enough.
const branchNoise = (e: ErrorObject, all: ErrorObject[]): boolean =>
  all.some((o) => o !== e && o.keyword === 'anyOf' && e.schemaPath.startsWith(o.schemaPath.replace(/\/anyOf$/, '/anyOf/')));

/** The object against the schema of its apiVersion and kind; a kind without a schema fails. */
export function validateAgainstSchema(object: K8sObject, catalogue: SchemaCatalogue): Check[] {
  const id = objectId(object);
  const validate = catalogue.validatorFor(object.apiVersion, object.kind);
  if (!validate) return [check(false, `${id}: no vendored schema for ${object.apiVersion} ${object.kind} (add it in crds/)`)];
  if (validate(object)) return [check(true, `${id} matches its schema`)];
  const errors = validate.errors ?? [];
  const kept = errors.filter((e) => !branchNoise(e, errors));
  return [...new Set(kept.map(describe))].map((m) => check(false, `${id}: ${m}`));
}
