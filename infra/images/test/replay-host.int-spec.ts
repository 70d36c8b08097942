import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { scriptRunner } from './replay-host';

describe('the replay runs a RUN line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ps-replay-runner-'));
  const log = join(folder, 'run.log');
  const out = join(folder, 'out');

  it('kills a line that stalls and runs it once more, its output folder emptied first', async () => {
    // First attempt: leaves a file in $OUT and hangs; second attempt: succeeds if $OUT was emptied.
    const script = 'if [ -e "$MARK" ]; then ls "$OUT" | grep -q . && exit 3; echo done > "$OUT/ok"; else touch "$MARK" "$OUT/partial"; echo started; sleep 60; fi';
    writeFileSync(log, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', OUT: out, MARK: join(folder, 'mark') };
    mkdirSync(out);
    await scriptRunner(log, 1_000)(script, { cwd: folder, env });
    expect(readdirSync(out)).toEqual(['ok']);
    expect(readFileSync(log, 'utf8')).toMatch(/no output nor CPU for 1 s: killed, running it once more/);
  });

  it('leaves a silent line alone while it uses CPU (a compiler that prints nothing until done)', async () => {
    const silent = join(folder, 'silent.log');
    writeFileSync(silent, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    await scriptRunner(silent, 1_000)(`"${process.execPath}" -e "const end = Date.now() + 3000; while (Date.now() < end);"`, { cwd: folder, env });
    expect(readFileSync(silent, 'utf8')).not.toMatch(/no output/);
  });

  it('writes what a stalled line waited on to the log: its processes, their threads and the peer of each open socket', async () => {
    const server = createServer(() => undefined); // accepts and never answers, as a registry that hangs would
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const waiting = join(folder, 'waiting.log');
    writeFileSync(waiting, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    const line = `"${process.execPath}" -e "require('node:net').connect(${port}, '127.0.0.1', () => console.log('asked'))"`;
    try {
      await expect(scriptRunner(waiting, 1_000, 1)(line, { cwd: folder, env })).rejects.toThrow(/stalled 1 times/);
    } finally {
      server.close();
    }
    const text = readFileSync(waiting, 'utf8');
    expect(text).toMatch(/\[replay\] stalled; its processes:/);
    expect(text).toContain(`-> 127.0.0.1:${port} (TCP state 01)`); // 01: established
    expect(text).toMatch(/thread \d+ MainThread: waits in \w+/);
  });

  it('fails, naming the line, when it stalls every time', async () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    await expect(scriptRunner(log, 1_000, 2)('echo waiting; sleep 60', { cwd: folder, env })).rejects.toThrow(/stalled 2 times/);
    expect(existsSync(log)).toBe(true);
  });
});
