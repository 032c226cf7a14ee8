import { createHash } from 'node:crypto';

/** What a template is built from; equal inputs may share a cached template. */
export interface TemplateInputs {
  // Image ids (docker) or server version and source database (url).
  readonly server: string;
  readonly modules: readonly string[];
  readonly setupVersion: string;
}

// Bumped when what a template holds about itself changes: templates of layout 1 kept their API
// key in one run's local cache only, so other runs cannot use them.
const TEMPLATE_LAYOUT = 2;

/** A short, stable key for a template: the same inputs always give the same key. */
export const templateKey = (inputs: TemplateInputs): string =>
  createHash('sha256')
    .update(JSON.stringify({ layout: TEMPLATE_LAYOUT, server: inputs.server, modules: [...inputs.modules].sort(), setup: inputs.setupVersion }))
    .digest('hex')
    .slice(0, 12);
