import { defineHarnessConfig } from './harness/preset/index.ts';

// This repository runs its own library through the preset a project uses, plus its unit tests.
export default defineHarnessConfig({
  projects: [
    {
      extends: true,
      test: { name: 'unit', include: ['harness/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'] },
    },
  ],
});
