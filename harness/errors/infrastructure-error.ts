import { HarnessError } from './harness-error.ts';

/**
 * Something the run stands on failed: Docker, an image, the Odoo server, its master password, a
 * disk. One line names the cause and the fix; no stack, because none of it is in the harness's
 * code or the user's, and a QA lead reading the log needs the sentence, not the frames.
 */
export class InfrastructureError extends HarnessError {
  override name = 'InfrastructureError';

  constructor(what: string, fix: string) {
    super(`${what} — fix: ${fix}`);
    // vitest prints an error's stack; this one is its sentence.
    this.stack = `${this.name}: ${this.message}`;
  }
}
