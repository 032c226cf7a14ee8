import { resolve } from 'node:path';
import { defineHarnessConfig } from './harness/preset/index.ts';
import { listLibraryScenarios, recordedIn } from './harness/preset/library-scenarios.ts';

// The demo-grade integration in Python (examples/quick-connector): its library runs were recorded
// live from a project that installed the package; they replay here with no Odoo, the process and
// its Odoo traffic included (answered from the recording).
const QUICK_CONNECTOR = resolve(import.meta.dirname, 'examples/quick-connector');
const quickConnectorReplay = (major: number) => {
  const recordingsDir = resolve(QUICK_CONNECTOR, 'scenarios/__recordings__');
  return {
    extends: true as const,
    test: {
      name: `quick-connector-replay-${major}`,
      include: recordedIn(listLibraryScenarios(resolve(import.meta.dirname, 'scenarios')), recordingsDir, major, 'base').map((s) => s.file),
      env: { HARNESS_CONNECTOR: resolve(QUICK_CONNECTOR, 'connector.ts'), HARNESS_INTEGRATION_MAP: resolve(QUICK_CONNECTOR, 'integration-map.json') },
      provide: { harness: { mode: 'replay' as const, major, recordingsDir, config: 'base' } },
      isolate: false,
    },
  };
};

// This repository runs its own library through the preset a project uses, plus its unit tests.
const config = defineHarnessConfig({
  projects: [
    {
      extends: true,
      test: { name: 'unit', include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'] },
    },
    quickConnectorReplay(18),
    quickConnectorReplay(19),
  ],
});

// The example imports the package by name, as a project does: here, its source.
export default { ...config, resolve: { alias: { 'odoo-exception-harness': resolve(import.meta.dirname, 'harness/index.ts') } } };
