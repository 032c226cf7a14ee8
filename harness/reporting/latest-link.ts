import { readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { HarnessError } from '../errors/index.ts';
import { isRunId, latestLink, REPORTS_DIR, runDirectory } from '../project/index.ts';

/**
 * Points `reports/latest` at a run folder. A new link is made under a name of this run's own and
 * renamed over the old one: rename replaces atomically, so a reader never finds no link, and two
 * runs ending together each leave a whole link (the last rename wins).
 * @throws HarnessError when `reports/latest` exists and is not a link (a folder cannot be replaced).
 */
export const pointLatestAt = async (runId: string, reportsDir: string = REPORTS_DIR): Promise<void> => {
  runDirectory(runId, reportsDir); // checks the id before it becomes part of a path
  const link = latestLink(reportsDir);
  const temporary = `${link}.${runId}.${process.pid}.tmp`;
  await rm(temporary, { force: true });
  // Relative, so the link survives reports/ being copied, mounted or uploaded elsewhere.
  await symlink(`runs/${runId}`, temporary, 'dir');
  try {
    await rename(temporary, link);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new HarnessError(`Could not point ${link} at runs/${runId}: ${(error as Error).message}. Remove ${link} if it is not a link.`, { cause: error });
  }
};

/** The run id `reports/latest` points to, or undefined when there is no such link. */
export const latestRunId = async (reportsDir: string = REPORTS_DIR): Promise<string | undefined> => {
  const target = await readlink(latestLink(reportsDir)).catch((error: NodeJS.ErrnoException) => {
    // ENOENT: no run yet; EINVAL: something that is not a link.
    if (error.code === 'ENOENT' || error.code === 'EINVAL') return undefined;
    throw error;
  });
  const id = target && basename(target);
  return id && isRunId(id) ? id : undefined;
};
