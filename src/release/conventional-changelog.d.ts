/** The few types of conventional-changelog-core and its conventionalcommits preset that src/release uses (neither ships its own). */
declare module 'conventional-changelog-core' {
  import type { Readable } from 'node:stream';

  /** A commit as conventional-commits-parser hands it to `options.transform`. */
  export interface ParsedCommit {
    type?: string | null;
    scope?: string | null;
    subject?: string | null;
    header?: string | null;
    body?: string | null;
    footer?: string | null;
    notes: { title: string; text: string }[];
    revert?: Record<string, string | null> | null;
    hash?: string | null;
    gitTags?: string | null;
    committerDate?: string | null;
    version?: string;
    [key: string]: unknown;
  }

  export interface CoreOptions {
    cwd?: string;
    config?: unknown;
    tagPrefix?: string;
    pkg?: { path?: string; transform?: (pkg: unknown) => unknown };
    warn?: (message: string) => void;
    debug?: (message: string) => void;
    transform?: (
      commit: ParsedCommit,
      callback: (error: Error | null, commit: ParsedCommit | null) => void,
    ) => void;
  }

  export default function conventionalChangelogCore(
    options?: CoreOptions,
    context?: Record<string, unknown>,
    gitRawCommitsOpts?: Record<string, unknown>,
    parserOpts?: Record<string, unknown>,
    writerOpts?: Record<string, unknown>,
  ): Readable;
}

declare module 'conventional-changelog-conventionalcommits' {
  export interface PresetConfig {
    commitUrlFormat?: string;
    compareUrlFormat?: string;
    issueUrlFormat?: string;
    [key: string]: unknown;
  }
  export default function createPreset(config?: PresetConfig): Record<string, unknown>;
}
