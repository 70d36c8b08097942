import Ajv from 'ajv';
import { structuralToJsonSchema } from './crd-schema';

const crdSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      description: 'dropped',
      properties: {
        replicas: { type: 'integer', minimum: 1 },
        port: { 'x-kubernetes-int-or-string': true },
        note: { type: 'string', nullable: true },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        storage: {
          type: 'object',
          properties: { type: { type: 'string', enum: ['ephemeral', 'persistent-claim'] }, size: { type: 'string' } },
          oneOf: [{ properties: { type: { enum: ['ephemeral'] } } }, { properties: { size: {} }, required: ['size'] }],
        },
      },
    },
  },
};
const validate = new Ajv({ allErrors: true, strict: false }).compile(structuralToJsonSchema(crdSchema));
const valid = (spec: object) => validate({ spec });

describe('a CRD schema as the API server applies it', () => {
  it('rejects unknown fields of closed objects, at every depth', () => {
    expect(valid({ replicas: 2, replicaz: 2 })).toBe(false);
    expect(valid({ storage: { type: 'ephemeral', sise: '1Gi' } })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'sise' } });
  });
  it('keeps x-kubernetes-preserve-unknown-fields and typed maps open', () => {
    expect(valid({ config: { 'auto.create.topics.enable': false, anything: { nested: 1 } }, labels: { a: 'b' } })).toBe(true);
    expect(valid({ labels: { a: 1 } })).toBe(false);
  });
  it('reads int-or-string, nullable, enums and bounds', () => {
    expect(valid({ port: 8080, note: null })).toBe(true);
    expect(valid({ port: 'http' })).toBe(true);
    expect(valid({ port: true })).toBe(false);
    expect(valid({ replicas: 0 })).toBe(false);
    expect(valid({ storage: { type: 'persistent-clam', size: '1Gi' } })).toBe(false);
  });
  it('does not close the branches of oneOf, which only add constraints', () => {
    expect(valid({ storage: { type: 'persistent-claim', size: '1Gi' } })).toBe(true);
    expect(valid({ storage: { type: 'persistent-claim' } })).toBe(false);
  });
});
