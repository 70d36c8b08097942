import type { ImportProgress } from './import.service';

const WIDTH = 30;
const STAGES = { validated: 'Kiểm tra / validated', written: 'Ghi / written' } as const;

/** One line of the bar: "Ghi / written [#######-------] 45,000/100,000". */
export function progressLine({ stage, done, total }: ImportProgress): string {
  const filled = total === 0 ? WIDTH : Math.min(WIDTH, Math.round((WIDTH * done) / total));
  const figure = (value: number) => value.toLocaleString('en-US');
  return `${STAGES[stage].padEnd(20)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${figure(done)}/${figure(total)}`;
}

/**
 * A progress bar redrawn in place on a terminal (at most ten times a second); each stage ends
 * on its own line. Elsewhere (a log file) only each stage's last line is written.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): (progress: ImportProgress) => void {
  let drawnAt = 0;
  return (progress) => {
    const finished = progress.done >= progress.total;
    if (!finished && (!stream.isTTY || Date.now() - drawnAt < 100)) return;
    drawnAt = Date.now();
    stream.write(`${stream.isTTY ? '\r' : ''}${progressLine(progress)}${finished ? '\n' : ''}`);
  };
}
