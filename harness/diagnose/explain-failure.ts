import { ConfigError, InfrastructureError } from '../errors/index.ts';
import { runDoctor, type Check } from './doctor.ts';

// The whole chain of messages: the meaningful part is often a cause of a cause.
const messagesOf = (error: unknown): string => {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) parts.push(String(e.message ?? e));
  return parts.join(' | ');
};

/** Failures recognised by their text, where no doctor check can see them. */
const byMessage = (error: unknown, env: NodeJS.ProcessEnv): InfrastructureError | undefined => {
  const text = messagesOf(error);
  const pull = /Get "(https?:\/\/[^"]+\/v2\/)"|pull access denied|manifest unknown|failed to resolve reference/i.exec(text);
  if (pull) {
    const registry = pull[1] ? ` (${new URL(pull[1]).host})` : '';
    // The images the run names were found (doctor runs first): what testcontainers pulls is its reaper.
    if (!/^(1|true)$/i.test(env.TESTCONTAINERS_RYUK_DISABLED ?? ''))
      return new InfrastructureError(
        `Docker cannot pull testcontainers' reaper image (Ryuk): no registry answers${registry}`,
        'set TESTCONTAINERS_RYUK_DISABLED=true (the harness removes its own containers, and sweeps those of killed runs), or load the Ryuk image.',
      );
    return new InfrastructureError(
      `Docker cannot pull an image: no registry answers${registry}`,
      'build or load the images on this machine (docker build, docker load), or set ODOO_IMAGE and POSTGRES_IMAGE to images that are here (docker images); `npx odoo-harness doctor` lists which are missing.',
    );
  }
  if (/No space left on device|could not extend file|ENOSPC|disk full/i.test(text))
    return new InfrastructureError(
      /ENOSPC/.test(text) ? 'This machine\'s disk is full (the harness could not write its cache or reports)' : 'The database server\'s disk is full (PostgreSQL could not write)',
      /ENOSPC/.test(text)
        ? 'free space there (old run folders under reports/runs/, .harness-cache/), or point HARNESS_CACHE_DIR at a larger disk.'
        : 'free space on the PostgreSQL server (drop old oeh_ databases you kept with --keep-dbs, old templates oeh_tpl_*), then run again.',
    );
  return undefined;
};

/**
 * Turns a failure at the start of a run into one line naming the cause and the fix: by its text
 * where it says what happened, else by doctor's checks (the same ones `odoo-harness doctor` runs).
 * Bad configuration keeps its own message; an unknown failure stays as it is.
 */
export const explainStartFailure = async (error: unknown, env: NodeJS.ProcessEnv = process.env, doctor: typeof runDoctor = runDoctor): Promise<unknown> => {
  if (error instanceof InfrastructureError || error instanceof ConfigError) return error;
  const known = byMessage(error, env);
  if (known) return known;
  const failed: Check | undefined = (await doctor(env).catch(() => [])).find((c) => !c.ok && !c.advisory);
  if (failed) return new InfrastructureError(`${failed.name}: ${failed.detail}`, failed.fix ?? 'run `npx odoo-harness doctor`.');
  return error;
};
