/** Where the project keeps recordings and reports. */
export { PROJECT_ROOT, RECORDINGS_DIR, REPORTS_DIR } from './paths.ts';
/** Default image tags, read from docker/*.Dockerfile. */
export { defaultOdooImage, defaultPostgresImage } from './default-images.ts';
