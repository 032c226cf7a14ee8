import { expect, test } from 'vitest';
import { salesChannel, WEB_SHOP } from './outside-world.ts';

test('a second channel gets its own order numbers and id tag', () => {
  expect(salesChannel('marketplace', [WEB_SHOP])).toEqual({ name: 'marketplace', orderNumberPrefix: 'MA-', idTag: 'ma' });
});

test('a bad or taken channel name is refused with the reason', () => {
  expect(() => salesChannel('Market Place', [WEB_SHOP])).toThrow(/channel name "Market Place": expected 2 to 20 lowercase letters or digits/);
  expect(() => salesChannel('shop', [WEB_SHOP])).toThrow(/channel name "shop": already wired/);
  expect(() => salesChannel('marine', [WEB_SHOP, salesChannel('marketplace', [WEB_SHOP])])).toThrow(/starts like channel "marketplace"; their order numbers would clash/);
});
