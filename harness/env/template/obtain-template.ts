import { InfrastructureError } from '../../errors/index.ts';

/**
 * One template as several runs see it: published (complete, usable by everyone), claimed (one
 * run is building it) or neither. The claim is atomic on the shared side (a database created
 * under a fixed name, a lock file created exclusively), so of two runs only one builds.
 */
export interface TemplateSlot {
  // For messages, e.g. `template "oeh_tpl_…" on http://127.0.0.1:8069`.
  readonly description: string;
  // What holds the claim while a build runs, e.g. `its build database "oeh_tplbuild_…"`.
  readonly claimDescription: string;
  isPublished(): Promise<boolean>;
  /** Takes the build claim; false when another run holds it. */
  claim(): Promise<boolean>;
  /** Builds and publishes; releases the claim on failure too. Called only after a claim. */
  buildAndPublish(): Promise<void>;
  /** Releases a claim whose holder is gone (a killed run on this host); true when released. */
  releaseAbandonedClaim(): Promise<boolean>;
}

// Build failures worth another try: the build was cut by a restart of Odoo, not refused.
const transientFailures = new WeakSet<object>();

/** Marks a build failure as transient (Odoo restarted under it): obtainTemplate tries again. */
export const markTransient = <E extends object>(error: E): E => {
  transientFailures.add(error);
  return error;
};

// Builds in all, the first one included, when they keep being cut.
const BUILD_ATTEMPTS = 3;

export interface ObtainOptions {
  // How long to wait for another run's build before giving up.
  readonly waitLimitMs: number;
  readonly pollMs?: number;
  // A progress line at most this often while waiting.
  readonly progressEveryMs?: number;
  readonly log: (line: string) => void;
}

/**
 * Makes sure the template is published: uses it when it is, builds it when nobody does, and
 * waits (bounded, with progress lines) while another run builds it. Never touches a claim it
 * does not hold, except one its holder provably abandoned.
 * @returns whether this run built it.
 */
export const obtainTemplate = async (slot: TemplateSlot, options: ObtainOptions): Promise<'built' | 'found'> => {
  const started = Date.now();
  const pollMs = options.pollMs ?? 2_000;
  const progressEveryMs = options.progressEveryMs ?? 15_000;
  let lastProgress = started;
  let waiting = false;
  let builds = 0;
  for (;;) {
    if (await slot.isPublished()) return 'found';
    if (await slot.claim()) {
      try {
        await slot.buildAndPublish();
        return 'built';
      } catch (error) {
        if (!transientFailures.has(error as object) || ++builds >= BUILD_ATTEMPTS) throw error;
        // The claim was released: another run may take it now, and then this one waits for it.
        options.log(`${(error as Error).message.split(' — fix:')[0]}; trying again.`);
        continue;
      }
    }
    if (await slot.releaseAbandonedClaim()) {
      options.log(`The build of ${slot.description} was abandoned by a run that is gone: building it again.`);
      continue;
    }
    const waited = Date.now() - started;
    if (!waiting) options.log(`Another run is building ${slot.description}: waiting for it (at most ${minutes(options.waitLimitMs)}).`);
    waiting = true;
    if (waited >= options.waitLimitMs)
      throw new InfrastructureError(
        `Gave up waiting for ${slot.description} after ${minutes(waited)}: another run still holds ${slot.claimDescription}`,
        'if no run is building it (one on another machine was killed mid-build), remove that yourself and run again; the harness never removes what another run made.',
      );
    if (Date.now() - lastProgress >= progressEveryMs) {
      lastProgress = Date.now();
      options.log(`…still waiting for ${slot.description} (${Math.round(waited / 1000)} s).`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
};

const minutes = (ms: number): string => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);
