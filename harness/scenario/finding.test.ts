import { expect, test } from 'vitest';
import { Finding, FindingGoneError, findingSuffix, provenFinding } from './finding.ts';

const finding = Finding.parse({ owner: 'odoo-functional', on: [18, 19], says: 'Odoo refunds twice', shows: 'refunds at Stripe' });

test('a failure on a declared major whose message shows the defect proves the finding', () => {
  const proven = provenFinding(finding, 19, new Error('quotation S00001: refunds at Stripe, in cents: expected [5000, 5000] to deeply equal [5000]'));
  expect(proven).toEqual({ owner: 'odoo-functional', says: 'Odoo refunds twice', odooMajor: 19, failure: expect.stringContaining('expected [5000, 5000]') });
});

test('another failure, or the same one on a major not declared, is no finding: it stays a failure', () => {
  expect(provenFinding(finding, 19, new Error('got no Odoo answer within 60000 ms'))).toBeUndefined();
  expect(provenFinding(finding, 17, new Error('refunds at Stripe, in cents'))).toBeUndefined();
  expect(provenFinding(undefined, 19, new Error('refunds at Stripe'))).toBeUndefined();
});

test('a declaration is checked: the majors it was proven on are required, and the name tells the finding', () => {
  expect(Finding.safeParse({ owner: 'odoo-functional', on: [], says: 'x', shows: 'y' }).error?.issues[0]?.message).toBe('name the Odoo majors the defect was proven on');
  expect(findingSuffix(finding)).toBe(' [finding on Odoo 18, 19, owner odoo-functional]');
  expect(new FindingGoneError('odoo-payments/x', finding, 19).message).toMatch(/no longer reproduces: the scenario passed\. If Odoo was fixed, drop 19/);
});
