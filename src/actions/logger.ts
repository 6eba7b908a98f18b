/** The Logger interface over @actions/core, for the actions. */
import * as core from '@actions/core';
import type { Logger } from '../engine/logger.js';

export function actionsLogger(): Logger {
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    error: (message) => core.error(message),
    debug: (message) => core.debug(message),
    group: (name, body) => core.group(name, body),
  };
}
