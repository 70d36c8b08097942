import { CONSUMER_VIEWS, EVENT_CONTRACTS } from './catalog';
import { readFields, samplePayload, withoutField } from './consumer-view.probes';

/**
 * The contract test: every consumer's view, held against the schema of the producer it
 * reads. A producer that drops or renames a field a consumer reads fails here (and in the
 * consumer's build, where the view picks the field).
 */
const cases = Object.entries(CONSUMER_VIEWS).flatMap(([consumer, views]) =>
  views.map((view) => ({ consumer, view, name: `${consumer} reading ${view.type} v${view.version}` })),
);

function attempt<T>(build: () => T): { value?: T; error?: unknown } {
  try {
    return { value: build() };
  } catch (error) {
    return { error };
  }
}

describe.each(cases)('$name', ({ view }) => {
  const producers = EVENT_CONTRACTS.filter(
    (contract) => contract.topic === view.topic && contract.type === view.type && contract.version === view.version,
  );
  const producer = producers[0];
  const sample = producer ? producer.payload.parse(samplePayload(producer.payload)) : undefined;

  it('reads an event its producer publishes, on the producer\'s topic', () => {
    expect(producers).toHaveLength(1);
  });

  it('parses a valid payload built from the producer\'s schema', () => {
    expect(view.payload.safeParse(sample).error).toBeUndefined();
  });

  // A view that picks a key its producer lacks throws when its shape is first read; report
  // that as this view's failure rather than let it stop the whole suite.
  const read = attempt(() => readFields(view.payload));
  const fields = read.value ?? [];
  it('picks only fields its producer has, and at least one', () => {
    expect(read.error).toBeUndefined();
    expect(fields.length).toBeGreaterThan(0);
  });

  const named = fields.map((field) => ({ field: field.join('.'), path: field }));
  if (named.length > 0) describe.each(named)('$field', ({ path }) => {
    it.each(['removed', 'renamed'] as const)('fails to parse when the producer %s it', (change) => {
      const changed = withoutField(sample, path, change);
      expect(changed).not.toEqual(sample); // the sample really carried the field
      expect(view.payload.safeParse(changed).success).toBe(false);
    });
  });
});
