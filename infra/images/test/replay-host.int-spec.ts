import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('fails, naming the line, when it stalls every time', async () => {
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
    await expect(scriptRunner(log, 1_000, 2)('echo waiting; sleep 60', { cwd: folder, env })).rejects.toThrow(/stalled 2 times/);
    expect(existsSync(log)).toBe(true);
  });
});
