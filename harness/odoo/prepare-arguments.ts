import { HarnessError } from '../errors/index.ts';

/**
 * Makes call arguments safe for every transport:
 * - `undefined` members are dropped (XML-RPC would send an empty value that Odoo stores as "");
 *   `undefined` array items become null;
 * - `Date`s become `YYYY-MM-DD HH:MM:SS` in UTC (Odoo reads naive datetimes as UTC, and the xmlrpc
 *   package would send the machine's local time without an offset);
 * - NaN and Infinity are refused, because Odoo would store them or fail far from the cause.
 * @throws HarnessError naming the path of a non-finite number.
 */
export const prepareArguments = <T>(value: T, path = 'args'): T => prepare(value, path) as T;

const prepare = (value: unknown, path: string): unknown => {
  if (value instanceof Date) return formatOdooDatetime(value);
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new HarnessError(`Cannot send ${value} to Odoo at ${path}: expected a finite number.`);
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : prepare(item, `${path}[${i}]`)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = prepare(item, `${path}.${key}`);
    return out;
  }
  return value;
};

/** `2025-01-15 10:30:00`: the only datetime format Odoo's ORM accepts over RPC. */
export const formatOdooDatetime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/** `2025-01-15`: an Odoo date in UTC. */
export const formatOdooDate = (date: Date): string => date.toISOString().slice(0, 10);
