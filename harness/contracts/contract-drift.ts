import { z } from 'zod';

/** Where a key sits in a payload: `['lines', 0, 'skuCode']` is `lines[0].skuCode`. */
export type KeyPath = readonly (string | number)[];

/** How a payload's keys differ from what its schema declares. */
export type ContractDrift = {
  // Keys the payload has and the schema does not declare: zod strips them without a word.
  unexpected: KeyPath[];
  // Keys the schema requires and the payload lacks (zod reports these too, one issue each).
  missing: KeyPath[];
};

const NONE: ContractDrift = { unexpected: [], missing: [] };

/**
 * Compares the keys of `payload` with those `schema` declares, through nested objects, arrays,
 * tuples, records and unions (the member zod would keep), so that a renamed field shows
 * up as one missing and one unexpected key of the same object.
 */
export const contractDrift = (schema: z.core.$ZodType, payload: unknown): ContractDrift => walk(schema, payload, []);

const walk = (schema: z.core.$ZodType, value: unknown, path: KeyPath): ContractDrift => {
  if (schema instanceof z.core.$ZodObject) return walkObject(schema, value, path);
  if (schema instanceof z.core.$ZodArray) return Array.isArray(value) ? merge(value.map((item, i) => walk(schema._zod.def.element, item, [...path, i]))) : NONE;
  if (schema instanceof z.core.$ZodTuple) return walkTuple(schema, value, path);
  // A record accepts any key (zod itself rejects keys its key schema refuses), so only its values can drift.
  if (schema instanceof z.core.$ZodRecord) return isPlainObject(value) ? merge(Object.entries(value).map(([key, item]) => walk(schema._zod.def.valueType, item, [...path, key]))) : NONE;
  if (schema instanceof z.core.$ZodUnion) return walk(memberFor(schema, value), value, path);
  if (schema instanceof z.core.$ZodIntersection) return walkIntersection(schema, value, path);
  // The input side is what the payload must look like; a preprocess (`in` is a transform) hides it.
  if (schema instanceof z.core.$ZodPipe) return walk(schema._zod.def.in, value, path);
  if (schema instanceof z.core.$ZodLazy) return walk(schema._zod.def.getter(), value, path);
  const inner = wrappedSchema(schema);
  return inner ? walk(inner, value, path) : NONE;
};

const walkObject = (schema: z.core.$ZodObject, value: unknown, path: KeyPath): ContractDrift => {
  if (!isPlainObject(value)) return NONE;
  const { shape, catchall } = schema._zod.def;
  // In the payload's key order, so the report reads like the payload.
  const parts = Object.entries(value).map(([key, item]): ContractDrift => {
    const field = Object.hasOwn(shape, key) ? shape[key] : catchall;
    if (field) return walk(field, item, [...path, key]);
    // Without a catchall zod strips the key. A strict object's catchall is `never`, and zod
    // already reports its unknown keys as issues; a loose one's is `unknown`, which keeps them.
    return { unexpected: [[...path, key]], missing: [] };
  });
  // An `optin` (optional, default, prefault) lets the key be absent, as zod's object parser reads it.
  const missing = Object.entries(shape)
    .filter(([key, field]) => !Object.hasOwn(value, key) && field._zod.optin === undefined)
    .map(([key]) => [...path, key]);
  return merge([...parts, { unexpected: [], missing }]);
};

const walkTuple = (schema: z.core.$ZodTuple, value: unknown, path: KeyPath): ContractDrift => {
  if (!Array.isArray(value)) return NONE;
  const { items, rest } = schema._zod.def;
  // Items beyond the declared ones without a rest schema are zod's `too_big` issue, not drift.
  return merge(value.map((item, i) => {
    const itemSchema = items[i] ?? rest;
    return itemSchema ? walk(itemSchema, item, [...path, i]) : NONE;
  }));
};

// Both sides parse the whole payload and their outputs are merged, so a key is dropped only when
// each side drops it (or one of its parents).
const walkIntersection = (schema: z.core.$ZodIntersection, value: unknown, path: KeyPath): ContractDrift => {
  const left = walk(schema._zod.def.left, value, path);
  const right = walk(schema._zod.def.right, value, path);
  const droppedBy = (side: ContractDrift) => (key: KeyPath) => side.unexpected.some((dropped) => isWithin(key, dropped));
  return {
    unexpected: distinct([...left.unexpected, ...right.unexpected]).filter((key) => droppedBy(left)(key) && droppedBy(right)(key)),
    missing: distinct([...left.missing, ...right.missing]),
  };
};

/**
 * The union member whose output zod keeps: among the members whose discriminator accepts `value`
 * (all members of a plain union), the first that parses it. When none does, the closest one: the
 * fewest zod issues and unexpected keys, the first on a tie.
 */
const memberFor = (schema: z.core.$ZodUnion, value: unknown): z.core.$ZodType => {
  const { options } = schema._zod.def;
  const discriminator = schema instanceof z.core.$ZodDiscriminatedUnion ? schema._zod.def.discriminator : undefined;
  const claimed = discriminator === undefined ? options : options.filter((option) => acceptsDiscriminator(option, discriminator, value));
  const candidates = claimed.length ? claimed : options;
  const issueCounts = candidates.map((option) => z.safeParse(option, value).error?.issues.length ?? 0);
  const parsing = candidates.find((_, i) => issueCounts[i] === 0);
  if (parsing) return parsing;
  const scored = candidates.map((option, i) => ({ option, score: (issueCounts[i] ?? 0) + walk(option, value, []).unexpected.length }));
  return scored.reduce((best, next) => (next.score < best.score ? next : best)).option;
};

// A member that is not a plain object (a nested union, say) cannot be ruled out by its shape.
const acceptsDiscriminator = (option: z.core.$ZodType, discriminator: string, value: unknown): boolean => {
  if (!(option instanceof z.core.$ZodObject)) return true;
  const field = option._zod.def.shape[discriminator];
  return !field || !isPlainObject(value) || z.safeParse(field, value[discriminator]).success;
};

// optional, nullable, default, prefault, nonoptional, catch, readonly: same payload shape as the inner schema.
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'catch', 'readonly']);
const wrappedSchema = (schema: z.core.$ZodType): z.core.$ZodType | undefined => {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType };
  return WRAPPERS.has(def.type) ? def.innerType : undefined;
};

const merge = (parts: ContractDrift[]): ContractDrift => ({ unexpected: parts.flatMap((p) => p.unexpected), missing: parts.flatMap((p) => p.missing) });

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const distinct = (paths: KeyPath[]): KeyPath[] => paths.filter((path, i) => paths.findIndex((other) => other.length === path.length && isWithin(path, other)) === i);

/** Whether `key` is `parent` or sits under it. */
const isWithin = (key: KeyPath, parent: KeyPath): boolean => parent.length <= key.length && parent.every((segment, i) => segment === key[i]);
