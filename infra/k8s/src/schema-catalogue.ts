import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { structuralToJsonSchema, type JsonSchema } from './crd-schema';
import { manifestsRoot } from './render';

/** Where a kind's schema came from: a vendored CRD or a schema generated from published models. */
export interface SchemaEntry {
  key: string;
  source: string;
  schema: JsonSchema;
}

export const crdsRoot = path.join(manifestsRoot, 'crds');

function filesUnder(dir: string, suffix: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, suffix);
    return e.name.endsWith(suffix) ? [p] : [];
  });
}

interface CrdVersion { name: string; schema?: { openAPIV3Schema?: JsonSchema } }
interface Crd { kind: string; spec: { group: string; names: { kind: string }; versions: CrdVersion[] } }

interface ModelSchemas { generatedFrom: string; kinds: Record<string, JsonSchema>; $defs: Record<string, JsonSchema> }

/** The core ObjectMeta and what it refers to, so a custom resource's metadata is checked like a core object's. */
function objectMetaDefs(): Record<string, JsonSchema> {
  const file = filesUnder(crdsRoot, 'schema.json').find((f) => f.includes(`${path.sep}kubernetes${path.sep}`));
  if (!file) return {};
  const defs = (JSON.parse(fs.readFileSync(file, 'utf8')) as ModelSchemas).$defs;
  const wanted: Record<string, JsonSchema> = {};
  const visit = (name: string) => {
    if (wanted[name] || !defs[name]) return;
    wanted[name] = defs[name];
    for (const ref of JSON.stringify(defs[name]).matchAll(/"#\/\$defs\/([^"]+)"/g)) visit(ref[1]);
  };
  visit('ObjectMeta');
  return wanted;
}

function crdEntries(file: string, metaDefs: Record<string, JsonSchema>): SchemaEntry[] {
  const text = fs.readFileSync(file, 'utf8');
  const crd = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Crd;
  if (crd?.kind !== 'CustomResourceDefinition') return [];
  const source = path.relative(crdsRoot, file);
  return crd.spec.versions.filter((v) => v.schema?.openAPIV3Schema).map((v) => {
    const root = structuralToJsonSchema(v.schema?.openAPIV3Schema ?? {});
    const properties = (root.properties ?? {}) as Record<string, JsonSchema>;
    const metadata = metaDefs.ObjectMeta ? { $ref: '#/$defs/ObjectMeta' } : { type: 'object' };
    root.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...properties, metadata };
    root.$defs = metaDefs;
    return { key: `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, source, schema: root };
  });
}

function modelEntries(file: string): SchemaEntry[] {
  const models = JSON.parse(fs.readFileSync(file, 'utf8')) as ModelSchemas;
  const source = `${path.relative(crdsRoot, file)} (${models.generatedFrom})`;
  return Object.entries(models.kinds).map(([key, ref]) => ({ key, source, schema: { ...ref, $defs: models.$defs } }));
}

/** Every vendored schema, by `apiVersion/Kind` (core kinds: `v1/Service`, `apps/v1/Deployment`). */
export function loadSchemaEntries(): Map<string, SchemaEntry> {
  const metaDefs = objectMetaDefs();
  const crdFiles = [...filesUnder(crdsRoot, '.yaml'), ...filesUnder(crdsRoot, '.json').filter((f) => !f.endsWith('schema.json'))];
  const entries = [
    ...crdFiles.flatMap((f) => crdEntries(f, metaDefs)),
    ...filesUnder(crdsRoot, 'schema.json').flatMap(modelEntries),
  ];
  return new Map(entries.map((e) => [e.key, e]));
}

/** Compiles each kind's validator on first use (the Kafka CRD alone is large). */
export class SchemaCatalogue {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly entries: Map<string, SchemaEntry> = loadSchemaEntries()) {}

  validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
    const key = `${apiVersion}/${kind}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile(entry.schema));
    return this.compiled.get(key);
  }
}
