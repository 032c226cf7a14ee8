import { defineHarnessConfig } from 'odoo-exception-harness/vitest';

// Replays (npm test), live runs (npm run scenarios) and the built-in library (npm run library),
// all against the connector below, with failures routed by the integration map.
export default defineHarnessConfig({
  connector: './connector.ts',
  integrationMap: './integration-map.json',
});
