/** The harness's environment variables, validated with zod. */
export { HarnessEnv } from './harness-config.ts';
/** Reads and validates them; throws ConfigError naming the field. */
export { loadHarnessEnv } from './load-config.ts';
