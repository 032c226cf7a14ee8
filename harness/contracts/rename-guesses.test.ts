import { expect, test } from 'vitest';
import { guessRenames } from './rename-guesses.ts';

test('pairs a lone missing key with a lone unexpected key of the same object, whatever their names', () => {
  expect(guessRenames({ missing: [['lines', 0, 'sku']], unexpected: [['lines', 0, 'article']] })).toEqual([{ from: ['lines', 0, 'sku'], to: ['lines', 0, 'article'] }]);
});

test('never pairs keys of different objects', () => {
  expect(guessRenames({ missing: [['lines', 0, 'sku']], unexpected: [['lines', 1, 'skuCode'], ['skuCode']] })).toEqual([]);
});

test('pairs several keys by likeness, case and separators ignored', () => {
  const drift = { missing: [['amount'], ['currency'], ['orderRef']], unexpected: [['order_ref'], ['CURRENCY_CODE'], ['amountMinor']] };
  expect(guessRenames(drift)).toEqual([
    { from: ['amount'], to: ['amountMinor'] },
    { from: ['currency'], to: ['CURRENCY_CODE'] },
    { from: ['orderRef'], to: ['order_ref'] },
  ]);
});

test('gives an unexpected key to the missing key it shares the longest run with', () => {
  const drift = { missing: [['amount'], ['amountDue']], unexpected: [['amountDueMinor'], ['paidAt']] };
  expect(guessRenames(drift)).toEqual([{ from: ['amountDue'], to: ['amountDueMinor'] }]);
});

test('leaves keys unpaired when several are missing and their names are not alike', () => {
  const drift = { missing: [['amount'], ['currency']], unexpected: [['amountMinor'], ['iso'], ['paidAt']] };
  expect(guessRenames(drift)).toEqual([{ from: ['amount'], to: ['amountMinor'] }]);
});

test('a short name counts as alike when the other contains it whole', () => {
  const drift = { missing: [['id'], ['kind']], unexpected: [['eventId'], ['label']] };
  expect(guessRenames(drift)).toEqual([{ from: ['id'], to: ['eventId'] }]);
});
