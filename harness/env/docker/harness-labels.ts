import { hostname } from 'node:os';
import { isAlive } from '../run-ledger.ts';

// Labels on every container and network the harness starts. Ryuk (testcontainers' reaper) cannot
// be pulled where no registry is reachable, so the harness sweeps its own leftovers: a labelled
// container whose process is gone was orphaned by a crash or a `kill -9`.
export const LABEL_OWNER = 'odoo-exception-harness';
export const LABEL_PID = 'odoo-exception-harness.pid';
export const LABEL_HOST = 'odoo-exception-harness.host';

/** The labels for resources owned by this process. */
export const harnessLabels = (): Record<string, string> => ({
  [LABEL_OWNER]: 'true',
  [LABEL_PID]: String(process.pid),
  [LABEL_HOST]: hostname(),
});

/** True when the labels name a harness process on this host that no longer runs. */
export const isOrphaned = (labels: Record<string, string> | undefined): boolean => {
  if (labels?.[LABEL_OWNER] !== 'true' || labels[LABEL_HOST] !== hostname()) return false;
  const pid = Number(labels[LABEL_PID]);
  return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
};
