/** Replaces a file so that readers see the old content or the new, never half of it, and never unverified bytes. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorGitError, quote } from '../errors.js';

export interface AtomicWriteOptions {
  /** Reads the temp file back and throws if it is not what should replace the target. */
  verify: (tempPath: string) => Promise<void>;
  /** For tests: runs after the temp file is written and before it is verified. */
  onTempFileWritten?: (tempPath: string) => void | Promise<void>;
}

/**
 * Writes `content` to a temp file in the target's folder (same file system, so the rename is atomic), fsyncs it,
 * verifies it, then renames it over the target and fsyncs the folder. On any failure the temp file is removed,
 * the target is left as it was, and STATE_WRITE_FAILED is thrown.
 */
export async function writeFileAtomically(
  target: string,
  content: Uint8Array | string,
  options: AtomicWriteOptions,
): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  let created = false;
  try {
    const mode = await stat(target).then(
      (s) => s.mode & 0o777,
      () => 0o644,
    );
    const handle = await open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.onTempFileWritten?.(temp);
    await options.verify(temp);
    await rename(temp, target);
    created = false;
    await syncFolder(dir);
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    const reason =
      error instanceof OrchestratorGitError ? `${error.code}: ${error.message}` : (error as Error).message;
    throw new OrchestratorGitError(
      'STATE_WRITE_FAILED',
      `Could not save ${quote(target)}: ${reason} The file was left unchanged.`,
      'Check that the folder is writable and has free space, and that nothing else rewrites the file during the run; then run again (completed issue changes are found again by reconciliation).',
      { cause: error },
    );
  }
}

/** Makes the rename durable; some platforms cannot open a folder for fsync, which is not an error worth failing on. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
