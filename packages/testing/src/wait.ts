import { InvariantViolation } from '@ps/errors';

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 200, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new InvariantViolation(`${what} not reached within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Publishes `messages` through `publish`, then waits until `applied()` counts at least as
 * many (a consumer's projected rows, say).
 */
export async function publishAndAwait<Message>(
  messages: Message[],
  publish: (messages: Message[]) => Promise<void>,
  applied: () => Promise<number>,
  what = 'published messages applied',
): Promise<void> {
  await publish(messages);
  await eventually(async () => ((await applied()) >= messages.length ? true : undefined), { what });
}
