/** Where the project keeps recordings and reports. */
export { LIBRARY_DIR, PACKAGE_ROOT, PROJECT_ROOT, RECORDINGS_DIR, REPORTS_DIR } from './paths.ts';
/** Default image tags, read from docker/*.Dockerfile. */
export { defaultOdooImage, defaultPostgresImage } from './default-images.ts';
/**
 * The run id (made once per run, shared through HARNESS_RUN_ID) and the run folders it names.
 * @example
 * const runId = currentRunId();           // 20261202T004512Z-3f9a1c
 * runDirectory(runId);                    // <root>/reports/runs/20261202T004512Z-3f9a1c
 * runShortId(runId);                      // 3f9a1c
 */
export { currentRunId, isRunId, LATEST_LINK, latestLink, newRunId, RunId, runDirectory, runsDirectory, runShortId } from './run-id.ts';
