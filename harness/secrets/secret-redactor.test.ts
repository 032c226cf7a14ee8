import { expect, test } from 'vitest';
import { SecretRedactor } from './secret-redactor.ts';

test('masks registered values anywhere and secret-looking keys whatever they hold', () => {
  const redactor = new SecretRedactor().add('hunter22', undefined, 'ab');
  expect(
    redactor.redact({ args: ['db', 2, 'hunter22'], kwargs: { context: { password: 'other', lang: 'en_US' } }, note: 'key=hunter22;', api_key: 'k', session_id: 'sid', flag: false }),
  ).toEqual({ args: ['db', 2, '[redacted]'], kwargs: { context: { password: '[redacted]', lang: 'en_US' } }, note: 'key=[redacted];', api_key: '[redacted]', session_id: '[redacted]', flag: false });
});

test('values shorter than 4 characters are not masked (they would mask ordinary words)', () => {
  expect(new SecretRedactor().add('ab').redactText('abc ab')).toBe('abc ab');
});

test('returns a copy and leaves the input untouched', () => {
  const input = { password: 'p4ssword' };
  new SecretRedactor().redact(input);
  expect(input.password).toBe('p4ssword');
});
