/** The part of the tracer provider a shutdown needs; kept here so stopping never loads the SDK. */
interface FlushableProvider {
  shutdown: () => Promise<void>;
}

let running: FlushableProvider | undefined;

/** Called once the provider is registered (`startTracing`). */
export function tracingStarted(provider: FlushableProvider): void {
  running = provider;
}

/**
 * Sends the spans still batched and stops tracing; last in a process's shutdown, so the spans
 * of the requests it finished serving are not lost. Does nothing when tracing is off.
 */
export async function stopTracing(): Promise<void> {
  const provider = running;
  running = undefined;
  await provider?.shutdown();
}
