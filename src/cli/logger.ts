/** The Logger interface for the command line: plain lines on stderr, so stdout stays for --json output. */
import type { Logger } from '../engine/logger.js';

export function consoleLogger(options: { quiet?: boolean; verbose?: boolean } = {}): Logger {
  const write = (prefix: string, message: string) => process.stderr.write(`${prefix}${message}\n`);
  return {
    info: (message) => {
      if (!options.quiet) write('', message);
    },
    warning: (message) => write('warning: ', message),
    error: (message) => write('error: ', message),
    debug: (message) => {
      if (options.verbose) write('debug: ', message);
    },
    group: async (name, body) => {
      if (!options.quiet) write('', `── ${name}`);
      return body();
    },
  };
}
