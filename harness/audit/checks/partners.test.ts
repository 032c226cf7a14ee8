import { expect, test } from 'vitest';
import { duplicatePartners, partnersMissingShippingData } from './partners.ts';

const partner = (id: number, values: Partial<Parameters<typeof duplicatePartners>[0][number]> = {}) => ({
  id, display_name: `P${id}`, email: false as const, vat: false as const, zip: false as const, country_id: [1, 'US'] as [number, string], customer_rank: 0, is_company: false, parent_id: false as const, ...values,
});

test('partners are one customer by normalised email, VAT or name and ZIP; each group counts once', () => {
  const [email, vat, nameZip] = duplicatePartners([
    partner(1, { email: 'Ann@Example.com ' }), partner(2, { email: 'ann@example.com' }), partner(3, { email: 'bob@example.com' }),
    partner(4, { vat: 'BE0477472701' }), partner(5, { vat: 'be 0477.472.701' }),
    partner(6, { display_name: 'Acme ', zip: '1000' }), partner(7, { display_name: 'acme', zip: '10 00' }), partner(8, { display_name: 'Acme', zip: '2000' }),
  ]);
  expect(email).toMatchObject({ id: 'partners-duplicate-email', count: 1, owner: 'business-process-owner', examples: [{ id: 1 }, { id: 2 }] });
  expect(vat).toMatchObject({ count: 1, examples: [{ id: 4 }, { id: 5 }] });
  expect(nameZip).toMatchObject({ count: 1, examples: [{ id: 6 }, { id: 7 }] });
  expect(duplicatePartners([partner(1, { email: 'a@x.io' }), partner(2)])).toEqual([undefined, undefined, undefined]);
});

test('customers without country or ZIP are found; other partners are not', () => {
  const found = partnersMissingShippingData([partner(1, { customer_rank: 1, zip: '1000' }), partner(2, { customer_rank: 2, country_id: false, zip: '1000' }), partner(3, { customer_rank: 0 }), partner(4, { customer_rank: 1, zip: '5000' })]);
  expect(found).toMatchObject({ id: 'partners-missing-shipping-data', count: 1, examples: [{ id: 2 }] });
});
