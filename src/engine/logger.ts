/** The logging interface shared by the actions (@actions/core) and the CLI (console), and safe text for log lines. */

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}

/**
 * Untrusted text for a log line: one line, no control characters, bounded. Runners interpret workflow
 * commands (`::add-mask::`, `::stop-commands::`) only at the start of a line, and every line we print
 * starts with our own words, so removing line breaks is what keeps a task title from becoming a command.
 */
export function logText(value: string, max = 200): string {
  const text = value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

export const silentLogger: Logger = {
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  group: (_name, body) => body(),
};
