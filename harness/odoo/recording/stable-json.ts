/** JSON with object keys sorted at every level, so equal values always give equal text. */
export const stableStringify = (value: unknown, indent?: number): string => JSON.stringify(sortKeys(value), null, indent);

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
};
