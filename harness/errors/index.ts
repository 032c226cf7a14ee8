/** Base class of every harness error. */
export { HarnessError } from './harness-error.ts';
/** Bad configuration, naming the source and the fields. */
export { ConfigError } from './config-error.ts';
/** Docker, an image, the Odoo server or a disk failed: one line with the cause and the fix. */
export { InfrastructureError } from './infrastructure-error.ts';
