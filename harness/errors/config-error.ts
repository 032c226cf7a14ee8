import { z } from 'zod';
import { HarnessError } from './harness-error.ts';

/** Bad configuration: the message names the source and every field that is wrong. */
export class ConfigError extends HarnessError {
  override name = 'ConfigError';

  constructor(
    readonly source: string,
    readonly details: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid configuration in ${source}:\n${details}`, options);
  }

  /** Builds the error from a failed zod parse, rendered with `z.prettifyError`. */
  static fromZod(source: string, error: z.ZodError): ConfigError {
    return new ConfigError(source, z.prettifyError(error), { cause: error });
  }
}
