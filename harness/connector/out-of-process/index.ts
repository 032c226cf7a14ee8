export { IntegrationCallError, IntegrationProcess } from './integration-process.ts';
export type { IntegrationProcessOptions } from './integration-process.ts';
export type { OutOfProcessHooks, SimulatorUrls } from './out-of-process.ts';
