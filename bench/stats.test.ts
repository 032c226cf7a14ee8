import { expect, test } from 'vitest';
import { cpuBusyPercent, median } from './stats.ts';

test('median of odd and even counts, and of nothing', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNaN();
});

test('CPU busy share between two readings', () => {
  expect(cpuBusyPercent({ busy: 100, total: 400 }, { busy: 400, total: 800 })).toBe(75);
  expect(cpuBusyPercent({ busy: 0, total: 0 }, { busy: 0, total: 1000 })).toBe(0);
});
