import { expect, test } from 'vitest';
import { formatOdooDate, formatOdooDatetime, prepareArguments } from './prepare-arguments.ts';

test('drops undefined members and turns undefined array items into null', () => {
  expect(prepareArguments([{ ref: undefined, name: 'A', lines: [undefined, 1] }])).toEqual([{ name: 'A', lines: [null, 1] }]);
});

test('sends dates as UTC "YYYY-MM-DD HH:MM:SS", whatever the machine time zone', () => {
  const date = new Date(Date.UTC(2025, 0, 15, 10, 30, 0));
  expect(prepareArguments({ date_order: date })).toEqual({ date_order: '2025-01-15 10:30:00' });
  expect(formatOdooDatetime(date)).toBe('2025-01-15 10:30:00');
  expect(formatOdooDate(date)).toBe('2025-01-15');
});

test('refuses NaN and Infinity, naming where they are', () => {
  expect(() => prepareArguments([{ order_line: [[0, 0, { price_unit: Number.NaN }]] }])).toThrow(
    'Cannot send NaN to Odoo at args[0].order_line[0][2].price_unit: expected a finite number.',
  );
});

test('leaves false, null, zero and strings alone', () => {
  expect(prepareArguments({ a: false, b: null, c: 0, d: '' })).toEqual({ a: false, b: null, c: 0, d: '' });
});
