import { cpus } from 'node:os';

/** Median of a list of numbers (the mean of the two middle values for an even count). */
export const median = (values: readonly number[]): number => {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `12.3 ms` with one decimal. */
export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Times `body` once, in milliseconds. */
export const timed = async <T>(body: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await body();
  return [result, performance.now() - started];
};

/** Busy and total CPU time of the whole machine so far, in ms, from `os.cpus()`. */
export const machineCpu = (): { busy: number; total: number } => {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
};

/** Share of the machine's CPU capacity used between two `machineCpu()` readings, in percent. */
export const cpuBusyPercent = (before: { busy: number; total: number }, after: { busy: number; total: number }): number =>
  (100 * (after.busy - before.busy)) / (after.total - before.total);
