import { z } from 'zod';

/** One field of a zod object schema, as the reference's table shows it. */
export interface ZodField {
  // Dotted for the fields of a nested object (`finding.owner`).
  readonly name: string;
  // The accepted values, in TypeScript-like notation (`'keep' | 'cancel'`, `integer ≥ 1000`).
  readonly type: string;
  readonly required: boolean;
  // The value zod fills in when the field is absent (its `.default()`), as JSON; '' for none.
  readonly default: string;
  // The field's `.meta({ description })`; '' when it has none.
  readonly description: string;
}

// The part of a JSON Schema (draft 2020-12, as z.toJSONSchema writes it) that the tables read.
interface JsonSchema {
  readonly type?: string | string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly propertyNames?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly default?: unknown;
  readonly description?: string;
}

const literal = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

// Bounds zod writes for every integer (Number.MAX_SAFE_INTEGER) say nothing to a reader.
const SAFE = Number.MAX_SAFE_INTEGER;

/** The accepted values of a JSON Schema, in TypeScript-like notation with its checks in words. */
export const describeType = (schema: JsonSchema): string => {
  if (schema.enum) return schema.enum.map(literal).join(' | ');
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  const checks: string[] = [];
  switch (type) {
    case 'string':
      if (schema.format === 'starts_with' && schema.pattern) checks.push(`starts with '${schema.pattern.replace(/^\^/, '').replace(/\.\*$/, '')}'`);
      else if (schema.format) checks.push(schema.format);
      if (schema.pattern && !schema.format) checks.push(`matches /${schema.pattern}/`);
      if (schema.minLength !== undefined && schema.minLength === schema.maxLength) checks.push(`${schema.minLength} characters`);
      else {
        if (schema.minLength === 1) checks.push('non-empty');
        else if (schema.minLength !== undefined) checks.push(`≥ ${schema.minLength} characters`);
        if (schema.maxLength !== undefined) checks.push(`≤ ${schema.maxLength} characters`);
      }
      break;
    case 'integer':
    case 'number':
      if (schema.minimum !== undefined && schema.minimum > -SAFE) checks.push(`≥ ${schema.minimum}`);
      if (schema.exclusiveMinimum !== undefined) checks.push(`> ${schema.exclusiveMinimum}`);
      if (schema.maximum !== undefined && schema.maximum < SAFE) checks.push(`≤ ${schema.maximum}`);
      break;
    case 'array':
      return `Array<${schema.items ? describeType(schema.items) : 'unknown'}>${schema.minItems ? ` (at least ${schema.minItems})` : ''}`;
    case 'object':
      if (schema.properties) return 'object (fields below)';
      if (schema.propertyNames || typeof schema.additionalProperties === 'object')
        return `{ [${schema.propertyNames ? describeType(schema.propertyNames) : 'string'}]?: ${typeof schema.additionalProperties === 'object' ? describeType(schema.additionalProperties) : 'unknown'} }`;
      return 'object';
    case undefined:
      return 'unknown';
  }
  return checks.length ? `${type} (${checks.join(', ')})` : type!;
};

// The schema inside optional, nullable, default and readonly wrappers, and whether null is accepted.
const unwrap = (schema: z.ZodType): { readonly inner: z.ZodType; readonly nullable: boolean } => {
  let inner = schema;
  let nullable = false;
  for (;;) {
    const def = inner._zod.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType || !['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def.type)) return { inner, nullable };
    if (def.type === 'nullable') nullable = true;
    inner = def.innerType;
  }
};

// A schema the reference documents in a section of its own is named, not spelled out. A copy made
// by `.meta()` shares the original's definition, so schemas are known by their definition.
const named = (schema: z.ZodType, names: ReadonlyMap<unknown, string>): string | undefined => {
  const { inner, nullable } = unwrap(schema);
  const name = names.get(inner._zod.def);
  if (name) return nullable ? `${name} | null` : name;
  const def = inner._zod.def as { type: string; element?: z.ZodType };
  if (def.type === 'array' && def.element && names.has(unwrap(def.element).inner._zod.def)) {
    const json = z.toJSONSchema(inner, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    return `Array<${named(def.element, names)}>${json.minItems ? ` (at least ${json.minItems})` : ''}${nullable ? ' | null' : ''}`;
  }
  return undefined;
};

/**
 * The fields of a zod object schema as its input is written (what a scenario passes), in source
 * order. A nested object's fields follow it, dotted, unless `names` names it (it has its own section).
 */
export const zodFields = (schema: z.ZodObject, names: ReadonlyMap<z.ZodType, string> = new Map()): ZodField[] => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const byDefinition = new Map([...names].map(([named, name]) => [named._zod.def as unknown, name]));
  const fields: ZodField[] = [];
  const walk = (object: z.ZodObject, objectJson: JsonSchema, prefix: string) => {
    for (const [name, fieldSchema] of Object.entries(object.shape as Record<string, z.ZodType>)) {
      const field = objectJson.properties?.[name] ?? {};
      const shape = field.properties ? field : (field.anyOf?.find((s) => s.properties) ?? field);
      const ownName = named(fieldSchema, byDefinition);
      fields.push({
        name: `${prefix}${name}`,
        type: ownName ?? describeType(field),
        required: objectJson.required?.includes(name) ?? false,
        default: field.default === undefined ? '' : JSON.stringify(field.default),
        description: field.description ?? shape.description ?? '',
      });
      const { inner } = unwrap(fieldSchema);
      if (!ownName && inner instanceof z.ZodObject && shape.properties) walk(inner, shape, `${prefix}${name}.`);
    }
  };
  walk(schema, json, '');
  return fields;
};

/** The description a zod schema carries in its `.meta()`, '' when none. */
export const zodDescription = (schema: z.ZodType): string => (z.globalRegistry.get(schema)?.description as string | undefined) ?? '';
