/** Base class of every harness error. */
export { HarnessError } from './harness-error.ts';
/** Bad configuration, naming the source and the fields. */
export { ConfigError } from './config-error.ts';
