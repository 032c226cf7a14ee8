import { createHash } from 'node:crypto';

/** What a template is built from; equal inputs may share a cached template. */
export interface TemplateInputs {
  // Image id (docker) or server version and URL (url).
  readonly server: string;
  readonly modules: readonly string[];
  readonly setupVersion: string;
}

/** A short, stable key for a template: the same inputs always give the same key. */
export const templateKey = (inputs: TemplateInputs): string =>
  createHash('sha256')
    .update(JSON.stringify({ server: inputs.server, modules: [...inputs.modules].sort(), setup: inputs.setupVersion }))
    .digest('hex')
    .slice(0, 12);
