/**
 * A CRD's structural openAPIV3Schema turned into a JSON Schema that rejects unknown fields
 * the way the API server's strict field validation does: an object with `properties` and
 * neither `additionalProperties` nor `x-kubernetes-preserve-unknown-fields` is closed.
 */
export type JsonSchema = { [keyword: string]: unknown };

const dropped = new Set(['description', 'example', 'externalDocs', 'x-kubernetes-validations', 'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource', 'default']);

function closeObject(out: JsonSchema, source: JsonSchema, closed: boolean): JsonSchema {
  if (!closed) return out;
  const preserve = source['x-kubernetes-preserve-unknown-fields'] === true;
  if (source.properties && !('additionalProperties' in source) && !preserve) out.additionalProperties = false;
  return out;
}

function convertChildren(source: JsonSchema, out: JsonSchema, closed: boolean): void {
  const child = (v: unknown) => structuralToJsonSchema(v as JsonSchema, closed);
  // Branches of allOf/anyOf/oneOf/not only add constraints: closing them would reject the siblings' fields.
  const branch = (v: unknown) => structuralToJsonSchema(v as JsonSchema, false);
  const props = source.properties as Record<string, JsonSchema> | undefined;
  if (props) out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, child(v)]));
  if (source.items && typeof source.items === 'object') out.items = child(source.items);
  if (source.additionalProperties && typeof source.additionalProperties === 'object') {
    out.additionalProperties = child(source.additionalProperties);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(source[key])) out[key] = (source[key] as unknown[]).map(branch);
  }
  if (source.not && typeof source.not === 'object') out.not = branch(source.not);
}

/** Converts one CRD schema node (recursively). */
export function structuralToJsonSchema(source: JsonSchema, closed = true): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if (dropped.has(key) || key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (['properties', 'items', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not'].includes(key)) continue;
    out[key] = value;
  }
  convertChildren(source, out, closed);
  if (source['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (source.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return closeObject(out, source, closed);
}
