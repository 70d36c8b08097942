import type { TokenVerifier } from '@ps/auth';
import type { Express } from 'express';

/** What a check reports beside ok/failed (e.g. the signing keys held); shown in the readiness body. */
export type ReadinessDetails = Record<string, unknown>;

/** A named dependency check; readiness fails while any check fails (throws). */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void | ReadinessDetails>;
}

/** A failed check that says more than its message: its details go into the readiness body too. */
export class NotReadyError extends Error {
  constructor(
    message: string,
    readonly details: ReadinessDetails,
  ) {
    super(message);
    this.name = 'NotReadyError';
  }
}

const CHECK_TIMEOUT_MS = 3000;

/** `GET /health/live` (the process answers) and `GET /health/ready` (its dependencies do). */
export function mountHealth(app: Express, checks: ReadinessCheck[]): void {
  app.get('/health/live', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_request, response) => {
    const results = await Promise.all(checks.map(runCheck));
    const ready = results.every((result) => result.ok);
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
  });
}

async function runCheck({ name, check }: ReadinessCheck): Promise<{ name: string; ok: boolean } & ReadinessDetails> {
  try {
    const details = await withTimeout(check(), CHECK_TIMEOUT_MS);
    return { name, ok: true, ...(details ?? {}) };
  } catch (error) {
    const details = error instanceof NotReadyError ? error.details : {};
    return { name, ok: false, error: error instanceof Error ? error.message : String(error), ...details };
  }
}

/**
 * Readiness of a verifier's realm signing keys (none for a verifier without keys): not ready until
 * they have been fetched once, then ready while they are held, Keycloak reachable or not — pods of a
 * running platform keep serving through a Keycloak outage; a pod that never got the keys takes no traffic.
 */
export function signingKeyReadiness(verifier: TokenVerifier): ReadinessCheck[] {
  const signingKeys = verifier.signingKeys?.bind(verifier);
  if (!signingKeys) return [];
  return [
    {
      name: 'signing-keys',
      check: async () => {
        const { ready, ...state } = await signingKeys();
        if (!ready) {
          const cause = state.lastFailure?.cause ?? 'not fetched yet';
          throw new NotReadyError(`Chưa lấy được khoá ký của realm / the realm's signing keys have not been fetched: ${cause}`, state);
        }
        return state;
      },
    },
  ];
}

/** `promise`, or a rejection after `ms` if it has not settled by then. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
