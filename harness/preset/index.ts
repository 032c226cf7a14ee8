/** The vitest configuration of a project that runs the harness (`odoo-exception-harness/vitest`). */
export { defineHarnessConfig, type HarnessConfigOptions } from './define-harness-config.ts';
/** The built-in scenario library: its files, a selection, what a project has recorded of it. */
export { libraryFilterOf, listLibraryScenarios, recordedIn, selectLibrary, type LibraryScenario } from './library-scenarios.ts';
