import { expect, test } from 'vitest';
import { IntegrationCallError } from '../connector/index.ts';
import { failureCategory } from './failure-category.ts';

test('an integration process that failed a call is routed to its logic, even when its output speaks of the network', () => {
  const failed = new IntegrationCallError('✖ integration "quick" POST /sync answered 500: [Errno 111] Connection refused', 500);
  expect(failureCategory(failed, [])).toBe('integration-logic');
  // Its failure behind a sender that gave up, as deliverWebhooks throws it.
  expect(failureCategory(new Error('1 webhook(s) failed 5 deliveries … connection refused', { cause: failed }), [])).toBe('integration-logic');
  // Without it, the same words are the infrastructure's.
  expect(failureCategory(new Error('connect ECONNREFUSED 127.0.0.1:8069'), [])).toBe('infrastructure');
  // Unless an assertion only quotes them: what it expected did not happen.
  const assertion = Object.assign(new Error("expected [Function] to throw error matching /order\\.created .*connection refused/ but got '1 webhook(s) failed'"), { name: 'AssertionError' });
  expect(failureCategory(assertion, [])).toBe('integration-logic');
});
