/** A duration: milliseconds, or a string such as `30s`, `5m`, `1h`, `2d`. */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Milliseconds in a duration.
 * @throws Error naming the value when it is not a duration.
 */
export const toMs = (duration: Duration): number => {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`Invalid duration "${duration}": expected a number of ms or e.g. "30s", "5m", "1h".`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
};

/**
 * Time as the simulators and the connector see it. It only moves when told, so an hour-long
 * outage or a day-long stop runs in milliseconds, and every run sees the same times.
 */
export class VirtualClock {
  #now: number;

  constructor(start: Date | string = '2026-01-05T09:00:00Z') {
    this.#now = new Date(start).getTime();
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    return this.#now;
  }

  /** Current virtual time as an ISO string. */
  iso(): string {
    return new Date(this.#now).toISOString();
  }

  /** Moves time forward. */
  advance(duration: Duration): void {
    const ms = toMs(duration);
    if (ms < 0) throw new Error(`Cannot move the clock backwards (${duration}).`);
    this.#now += ms;
  }

  /** What a waiting integration does: lets virtual time pass, at once. */
  async sleep(duration: Duration): Promise<void> {
    this.advance(duration);
  }
}
