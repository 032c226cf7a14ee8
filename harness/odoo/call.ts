/** One model-method call as the harness asks it, before any transport encodes it. */
export interface OdooCall {
  // Database the call runs on.
  readonly database: string;
  // Odoo model, e.g. `sale.order`.
  readonly model: string;
  // Public method of the model, e.g. `action_confirm`.
  readonly method: string;
  // Positional arguments, exactly as `execute_kw` takes them.
  readonly args: readonly unknown[];
  // Keyword arguments, with the context under `context`.
  readonly kwargs: Readonly<Record<string, unknown>>;
}

// Methods that never write: only these are retried after a transport error, because a
// retried write could run twice when the first attempt reached Odoo but its answer was lost.
const READ_ONLY_METHODS = new Set([
  'read',
  'search',
  'search_read',
  'search_count',
  'fields_get',
  'name_search',
  'read_group',
  'default_get',
  'check_object_reference',
  'check_access_rights',
  'has_group',
]);

/** True when repeating the call cannot change data. */
export const isReadOnlyMethod = (method: string): boolean => READ_ONLY_METHODS.has(method);

/** `model.method` for messages. */
export const describeCall = (call: Pick<OdooCall, 'model' | 'method'>): string => `${call.model}.${call.method}`;
