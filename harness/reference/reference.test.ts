import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference, REFERENCE_PATH, REGENERATE_COMMAND, type BuiltReference } from './build-reference.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The type checker reads the documented files and what they import: seconds, once for the file.
let built: BuiltReference;
beforeAll(() => {
  built = buildReference(ROOT);
}, 120_000);

// The table row of `name` in the section whose heading is `heading`.
const rowOf = (heading: string, name: string): string | undefined => {
  const section = built.markdown.split('\n### ').find((s) => s.startsWith(`${heading}\n`));
  return section?.split('\n').find((line) => line.startsWith(`| \`${name}\``));
};

describe('scenarios/REFERENCE.md', () => {
  it('is what the generator writes from the code today', () => {
    const written = readFileSync(join(ROOT, REFERENCE_PATH), 'utf8');
    if (written !== built.markdown) expect.fail(`${REFERENCE_PATH} is stale: run ${REGENERATE_COMMAND}`);
  });

  it('lists every member with the description its source gives it', () => {
    expect(rowOf('`ScenarioMeta`', 'capability'), 'ScenarioMeta.capability: its zod description').toContain("More of Odoo than the base template has, e.g. 'payment-stripe'");
    expect(rowOf('`ScenarioMeta`', 'finding.on'), 'ScenarioMeta.finding.on: a nested field, with its type').toContain('`Array<integer (≥ 16)> (at least 1)` | yes');
    expect(rowOf('`CheckoutOptions`', 'cardToken'), 'CheckoutOptions.cardToken: its own line comment').toContain('`tok_visa` (the default) is authorized');
    expect(rowOf('`CheckoutOptions`', 'total'), 'CheckoutOptions.total: inherited from NewOrder').toContain('Overrides the computed total');
    expect(rowOf('`gatewayFaults`', 'captureAnswerLost()'), 'gatewayFaults.captureAnswerLost: a fault, with its parameters').toContain('`(times = 1): HttpHandler` | The next captures are processed but their answer never arrives');
    expect(rowOf('`stripeFaults`', 'answerDropped()'), 'stripeFaults.answerDropped: a Stripe fault').toContain('the connection drops');
    expect(rowOf('`ScenarioContext`', 'checkout'), 'ScenarioContext.checkout: inherited from ChannelContext, linked to its options').toContain('[CheckoutOptions](#checkoutoptions)');
    expect(rowOf('`ConnectorPolicy`', 'backorder'), "ConnectorPolicy.backorder: DEFAULT_POLICY's value as its default").toContain('| `"keep"` |');
    expect(rowOf('`OdooStripe`', 'inject()'), 'OdooStripe.inject: inherited from OdooProvider').toContain('Fault handlers in front of the simulator');
    expect(rowOf('Functions and constants', 'eventually'), 'eventually: an assert helper').toContain('Waits until `check` passes');
  });

  it('has a description for every member it lists', () => {
    expect(built.undescribed, 'members without a doc comment, line comment or zod description').toEqual([]);
    const blank = built.markdown.split('\n').filter((line) => line.startsWith('| `') && / \| —( See .*)? \|$/.test(line));
    expect(blank, 'table rows rendered without a description').toEqual([]);
  });
});
