/**
 * Progress of a long run: a bar redrawn in place on an interactive terminal, the engine's plain per-operation lines
 * everywhere else (CI logs keep every line).
 */
import type { Logger } from '../engine/logger.js';

export interface ProgressReporter {
  /** The logger to give the engine: on a terminal, per-operation lines give way to the bar. */
  wrap(log: Logger): Logger;
  update: (done: number, total: number) => void;
  done(): void;
}

const WIDTH = 30;
/** Runs with fewer operations finish before a bar would help. */
const MIN_OPERATIONS = 20;

export function progressReporter(
  stream: { isTTY?: boolean; write(text: string): boolean },
  env: NodeJS.ProcessEnv,
): ProgressReporter {
  const interactive = stream.isTTY === true && !env.CI && env.TERM !== 'dumb';
  let drawn = false;
  let barActive = false;
  let lastDraw = 0;
  const clear = () => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    wrap(log) {
      if (!interactive) return log;
      // Other lines are printed above the bar: clear it first, and it is drawn again on the next update.
      const above =
        (print: (message: string) => void) =>
        (message: string): void => {
          clear();
          print(message);
        };
      return {
        // Once the bar runs it stands for the per-operation lines; earlier lines (read, plan) print as usual.
        info: (message) => {
          if (!barActive) log.info(message);
        },
        warning: above((message) => log.warning(message)),
        error: above((message) => log.error(message)),
        debug: (message) => log.debug(message),
        group: (name, body) => log.group(name, body),
      };
    },
    update(done, total) {
      if (!interactive || total < MIN_OPERATIONS) return;
      barActive = true;
      const now = Date.now();
      if (done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const filled = Math.round((done / total) * WIDTH);
      stream.write(
        `\r\u001b[2K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} operations`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
