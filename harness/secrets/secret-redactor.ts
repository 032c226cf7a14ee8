/** What replaces a secret wherever the harness writes something down. */
export const REDACTED = '[redacted]';

// Keys whose values are secrets whatever they contain (Odoo's context `password` in
// res.users.identitycheck, API keys, session cookies, the db service's master password).
const SECRET_KEY = /pass(word|wd)?$|^passwd$|api_?key|secret|token|session_id|authorization|cookie|^key$/i;

/**
 * Removes secrets from anything before it is logged, recorded or reported: values under
 * secret-looking keys, and every occurrence of a registered secret value inside any string.
 */
export class SecretRedactor {
  readonly #values = new Set<string>();

  /** Registers a secret value (password, API key, cookie) so it is masked wherever it appears. */
  add(...values: Array<string | undefined>): this {
    for (const value of values) {
      // Very short values would mask ordinary words ("admin" is long enough to matter, "a" is not).
      if (value && value.length >= 4) this.#values.add(value);
    }
    return this;
  }

  /** Returns a deep copy of `value` with secrets replaced by `[redacted]`. */
  redact<T>(value: T): T {
    return this.#redactValue(value, undefined) as T;
  }

  /** Masks registered secret values inside one string. */
  redactText(text: string): string {
    let out = text;
    for (const secret of this.#values) out = out.split(secret).join(REDACTED);
    return out;
  }

  #redactValue(value: unknown, key: string | undefined): unknown {
    if (key !== undefined && SECRET_KEY.test(key) && value !== false && value !== null && value !== '')
      return REDACTED;
    if (typeof value === 'string') return this.redactText(value);
    if (Array.isArray(value)) return value.map((item) => this.#redactValue(item, undefined));
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.#redactValue(v, k);
      return out;
    }
    return value;
  }
}
