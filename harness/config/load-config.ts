import { ConfigError } from '../errors/index.ts';
import { HarnessEnv } from './harness-config.ts';

/**
 * Reads the harness's environment variables once, at the edge.
 * @throws ConfigError naming every invalid variable and what was expected.
 */
export const loadHarnessEnv = (env: NodeJS.ProcessEnv = process.env): HarnessEnv => {
  const known = Object.fromEntries(Object.keys(HarnessEnv.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]));
  const parsed = HarnessEnv.safeParse(known);
  if (!parsed.success) throw ConfigError.fromZod('environment variables', parsed.error);
  return parsed.data;
};
