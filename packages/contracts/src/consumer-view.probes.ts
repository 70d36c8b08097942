import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Probes for the contract test: a sample payload generated from a producer's schema, the
 * fields a consumer's view reads, and the producer's payload with one of them gone.
 */

/** One field a view reads: keys from the payload's root; `[]` stands for every element of an array. */
export type FieldPath = readonly string[];

/** A payload the producer's schema accepts, with every nullable filled and every array holding one element. */
export function samplePayload(schema: z.core.$ZodType, name = 'sample'): unknown {
  if (schema instanceof z.ZodObject) {
    return Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, samplePayload(field, key)]));
  }
  if (schema instanceof z.ZodArray) return [samplePayload(schema.element, name)];
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return samplePayload(schema.unwrap(), name);
  if (schema instanceof z.ZodDefault) return samplePayload(schema.removeDefault(), name);
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodNumber) return Math.max(1, schema.minValue ?? 1);
  // Field names are plain identifiers, so the sample text also passes as an ltree label.
  if (schema instanceof z.ZodString) return schema.format === 'uuid' ? randomUUID() : name;
  throw new TypeError(`no sample for the ${schema.constructor.name} at "${name}": teach samplePayload this schema`);
}

/** Every field the view requires, nested objects and array elements included (optional fields are tolerated reads). */
export function readFields(view: z.core.$ZodType, prefix: FieldPath = []): FieldPath[] {
  if (view instanceof z.ZodArray) return readFields(view.element, [...prefix, '[]']);
  if (view instanceof z.ZodNullable) return readFields(view.unwrap(), prefix);
  if (!(view instanceof z.ZodObject)) return [];
  return Object.entries(view.shape).flatMap(([key, field]) =>
    field.safeParse(undefined).success ? [] : [[...prefix, key], ...readFields(field, [...prefix, key])],
  );
}

/** A copy of `payload` in which the producer dropped `field`, or renamed it to `<field>Renamed`. */
export function withoutField(payload: unknown, field: FieldPath, change: 'removed' | 'renamed'): unknown {
  const [head, ...rest] = field;
  if (head === '[]') return Array.isArray(payload) ? payload.map((element) => withoutField(element, rest, change)) : payload;
  if (typeof payload !== 'object' || payload === null || head === undefined) return payload;
  const record = payload as Record<string, unknown>;
  if (rest.length > 0) return { ...record, [head]: withoutField(record[head], rest, change) };
  const { [head]: value, ...others } = record;
  return change === 'removed' ? others : { ...others, [`${head}Renamed`]: value };
}
