// COPY … FROM STDIN of rows drawn lazily from a generator, in text format, with a progress bar
// on stderr: nothing holds more than one chunk of rows in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import copyStreams from 'pg-copy-streams';

const CHUNK_ROWS = 2000;

/** One value as COPY's text format writes it (null as \N; backslash, tab and newlines escaped). */
function field(value) {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** A bar on stderr: `table [#####-----] 52% 140,000/270,000 61,000 rows/s`; redrawn at most 10 times a second. */
export function progressBar(label, total, enabled) {
  const started = performance.now();
  let drawn = 0;
  const draw = (done, final = false) => {
    if (!enabled) return;
    const now = performance.now();
    if (!final && now - drawn < 100) return;
    drawn = now;
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
    process.stderr.write(`\r${label.padEnd(34)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${rate.toLocaleString('en')} rows/s${final ? '\n' : ''}`);
  };
  return { tick: draw, done: (done) => draw(done, true) };
}

/**
 * Streams `rows` (an iterable of arrays, `total` of them expected) into `table (columns)` with
 * COPY; returns rows copied and seconds taken.
 */
export async function copyRows(client, { table, columns, rows, total, label, progress }) {
  const bar = progressBar(label ?? table, total, progress);
  const started = performance.now();
  let done = 0;
  async function* text() {
    let chunk = [];
    for (const row of rows) {
      chunk.push(row.map(field).join('\t'));
      done += 1;
      if (chunk.length === CHUNK_ROWS) {
        yield `${chunk.join('\n')}\n`;
        chunk = [];
        bar.tick(done);
      }
    }
    if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
  }
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(text()), stream);
  bar.done(done);
  return { table, rows: Number(stream.rowCount), seconds: (performance.now() - started) / 1000 };
}
