import { assert } from 'vitest';
import type { Correction } from '../connector/index.ts';

/** One line per correction item: flow/reason (owner) reference: message. */
export const describeCorrection = (item: Correction): string => `${item.flow}/${item.reason} (${item.owner}) ${item.reference}: ${item.message.split('\n').join(' | ')}`;

/** Fails listing every open correction item, with its owner and why, when any is open. */
export const expectNoOpenCorrections = (queue: { readonly open: readonly Correction[] }): void => {
  const open = queue.open.map(describeCorrection);
  if (open.length) assert.fail(`${open.length} open item(s) in the correction queue: ${open.join('\n  ')}`);
};
