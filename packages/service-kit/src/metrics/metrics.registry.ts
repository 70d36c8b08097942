import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** How a GraphQL request ended: `error` when its answer carries any error. */
export type RequestOutcome = 'ok' | 'error';

/** The Prometheus metrics of one service: its own registry, every series labelled `service`. */
export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  /**
   * One GraphQL request answered: how long it took (unknown for a request Apollo refused before
   * it started: no context, a bad request) and the codes of the errors it carried.
   */
  recordRequest: (seconds: number | undefined, errorCodes: readonly string[]) => void;
}

/** Codes are a closed set of upper-case names; anything else (a foreign subgraph's) is counted as OTHER. */
const CODE = /^[A-Z][A-Z0-9_.]{0,63}$/;

/**
 * Creates the registry of one service with the process's default metrics and the GraphQL
 * request metrics: `ps_graphql_requests_total{outcome}`, `ps_graphql_request_duration_seconds`
 * and `ps_graphql_errors_total{code}`. One per service started (tests start several per process).
 */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'ps_graphql_requests_total',
    help: 'GraphQL requests answered, by outcome (error: the answer carries at least one error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ps_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its answer.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'ps_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  for (const outcome of ['ok', 'error'] satisfies RequestOutcome[]) requests.inc({ outcome }, 0);
  return {
    service,
    registry,
    recordRequest: (seconds, errorCodes) => {
      requests.inc({ outcome: errorCodes.length > 0 ? 'error' : 'ok' });
      if (seconds !== undefined) duration.observe(seconds);
      for (const code of errorCodes) errors.inc({ code: CODE.test(code) ? code : 'OTHER' });
    },
  };
}
