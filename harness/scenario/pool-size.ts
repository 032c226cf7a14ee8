import { availableParallelism } from 'node:os';
import type { TestProject } from 'vitest/node';

/**
 * How many database copies the broker keeps ready: HARNESS_DB_POOL, or by default one per worker
 * plus one, so that every worker finds a copy waiting when its next scenario starts.
 */
export const poolSizeFor = (setting: 'auto' | number, project: Pick<TestProject, 'config' | 'vitest'>): number =>
  setting === 'auto' ? workersOf(project) + 1 : setting;

// As vitest resolves it: the project's setting, the run's, or all cores but one.
const workersOf = (project: Pick<TestProject, 'config' | 'vitest'>): number =>
  project.config.maxWorkers || project.vitest.config.maxWorkers || Math.max(availableParallelism() - 1, 1);
