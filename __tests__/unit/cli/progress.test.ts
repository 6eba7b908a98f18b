import type { Logger } from '../../../src/engine/logger.js';
import { progressReporter } from '../../../src/cli/progress.js';

/** A terminal (or a CI log) as a stream of text. */
function stream(isTTY: boolean): { isTTY: boolean; text: string; write(chunk: string): boolean } {
  return {
    isTTY,
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

function logInto(lines: string[]): Logger {
  return {
    info: (message) => lines.push(`info ${message}`),
    warning: (message) => lines.push(`warning ${message}`),
    error: (message) => lines.push(`error ${message}`),
    debug: () => undefined,
    group: (_name, body) => body(),
  };
}

describe('progress on the command line', () => {
  it('in CI: no bar, every per-operation line kept', () => {
    const out = stream(true);
    const lines: string[] = [];
    const progress = progressReporter(out, { CI: 'true' });
    const log = progress.wrap(logInto(lines));
    for (let done = 1; done <= 50; done += 1) {
      log.info(`op ${done}`);
      progress.update(done, 50);
    }
    progress.done();
    expect(out.text).toBe('');
    expect(lines).toHaveLength(50);
  });

  it('on a terminal: a bar redrawn in place replaces the per-operation lines; warnings still print', () => {
    const out = stream(true);
    const lines: string[] = [];
    const progress = progressReporter(out, {});
    const log = progress.wrap(logInto(lines));
    log.info('Read: full');
    progress.update(1, 40);
    log.info('Create issue 1');
    log.warning('something to see');
    progress.update(40, 40);
    progress.done();
    expect(lines).toEqual(['info Read: full', 'warning something to see']);
    expect(out.text).toContain(`\r\u001b[2K[#${'-'.repeat(29)}] 1/40 operations`);
    expect(out.text.endsWith('[##############################] 40/40 operations\n')).toBe(true);
  });

  it('on a terminal: a short run draws no bar', () => {
    const out = stream(true);
    const progress = progressReporter(out, {});
    progress.update(5, 5);
    progress.done();
    expect(out.text).toBe('');
  });

  it('not a terminal (piped): plain lines only', () => {
    const out = stream(false);
    const lines: string[] = [];
    const progress = progressReporter(out, {});
    const log = progress.wrap(logInto(lines));
    log.info('Create issue 1');
    progress.update(30, 30);
    expect(out.text).toBe('');
    expect(lines).toEqual(['info Create issue 1']);
  });
});
