import type { HarnessRunContext } from './run-context.ts';

/** What a scenario can need of the run beyond an Odoo database; declared in its metadata (`needs`). */
export const SCENARIO_NEEDS = [
  // It restarts the real Odoo mid-run (`restartOdoo`): only the docker target owns its server.
  'odoo-restart',
] as const;
export type ScenarioNeed = (typeof SCENARIO_NEEDS)[number];

/**
 * Why this run cannot give a scenario what it declares it needs, or undefined when it can. A
 * replay always can: the recording answers what the live run asked.
 */
export const unmetNeed = (needs: readonly ScenarioNeed[] | undefined, run: HarnessRunContext): string | undefined => {
  if (needs?.includes('odoo-restart') && run.mode === 'live' && run.target.kind !== 'docker')
    return `needs the docker target: it restarts Odoo, and the ${run.target.kind} target's server is not the harness's to restart`;
  return undefined;
};
