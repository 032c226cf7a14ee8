/** Builds scenarios/REFERENCE.md from the code: the declarations it documents, read with the type checker and zod. */
export { buildReference, REFERENCE_PATH, REGENERATE_COMMAND } from './build-reference.ts';
export type { BuiltReference } from './build-reference.ts';
/** What the reference covers, part by part. */
export { REFERENCE_CONTENTS } from './reference-contents.ts';
export type { ReferenceEntry, ReferencePart } from './reference-contents.ts';
