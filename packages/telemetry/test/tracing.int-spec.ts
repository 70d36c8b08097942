import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SPAN_KIND, startTraceReceiver, type TraceReceiver } from '@ps/testing';

interface Program {
  child: ChildProcess;
  url: string;
  sdkLoaded: boolean;
}

/** Starts test/traced-program.js (tracing registered first, as in every main.ts) with `env`. */
async function startProgram(env: Record<string, string>): Promise<Program> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OTEL_')));
  const child = spawn(process.execPath, [join(__dirname, 'traced-program.js')], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), 'line')) as [string];
  const { port, sdkLoaded } = JSON.parse(line) as { port: number; sdkLoaded: boolean };
  return { child, url: `http://127.0.0.1:${port}`, sdkLoaded };
}

async function stopProgram({ child }: Program): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

let receiver: TraceReceiver;
beforeAll(async () => (receiver = await startTraceReceiver()));
afterAll(() => receiver.close());

describe('tracing of a program', () => {
  it('is off without an OTLP endpoint: the SDK is never loaded and nothing is propagated', async () => {
    const program = await startProgram({});
    const answer = (await (await fetch(`${program.url}/work`)).json()) as { traceparent: string | null };
    expect(await stopProgram(program)).toBe(0);
    expect(program.sdkLoaded).toBe(false);
    expect(answer.traceparent).toBeNull();
    expect(receiver.spans()).toEqual([]);
  });

  it('traces a request in, its fetch out (W3C traceparent) and the request it causes, one trace, flushed at shutdown', async () => {
    const program = await startProgram({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
    expect(program.sdkLoaded).toBe(true);
    expect((await fetch(`${program.url}/health/ready`)).status).toBe(200);
    const answer = (await (await fetch(`${program.url}/work`)).json()) as { traceparent: string | null };
    // The default batch delay is 5 s: only the shutdown's flush can have sent the spans this soon.
    expect(await stopProgram(program)).toBe(0);

    const spans = receiver.spans();
    expect(spans).toHaveLength(3); // none for the health probe
    const incoming = spans.find((span) => span.parentSpanId === '');
    const outgoing = spans.find((span) => span.parentSpanId === incoming?.spanId);
    const caused = spans.find((span) => span.parentSpanId === outgoing?.spanId);
    expect([incoming?.kind, outgoing?.kind, caused?.kind]).toEqual([SPAN_KIND.server, SPAN_KIND.client, SPAN_KIND.server]);
    expect(spans.every((span) => span.service === 'telemetry' && span.traceId === incoming?.traceId)).toBe(true);
    expect(incoming?.attributes['http.route'] ?? incoming?.attributes['http.target'] ?? incoming?.attributes['url.path']).toBe('/work');
    expect(answer.traceparent).toBe(`00-${incoming?.traceId}-${outgoing?.spanId}-01`);
  });

  it('names the process after OTEL_SERVICE_NAME when set', async () => {
    const before = receiver.spans().length;
    const program = await startProgram({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'reform-canary' });
    await fetch(`${program.url}/work`);
    await stopProgram(program);
    expect(new Set(receiver.spans().slice(before).map((span) => span.service))).toEqual(new Set(['reform-canary']));
  });
});
