import type { Faker } from '@faker-js/faker';
import type { ShopCustomer } from '../../mocks/shop/index.ts';

/** A complete shop customer (email, phone, address) from the scenario's seeded Faker. */
export const shopCustomer = (data: Faker, overrides: Partial<Omit<ShopCustomer, 'id'>> = {}): Omit<ShopCustomer, 'id'> => {
  const firstName = data.person.firstName();
  const lastName = data.person.lastName();
  return {
    email: data.internet.email({ firstName, lastName }).toLowerCase(),
    firstName,
    lastName,
    phone: null,
    address: { name: `${firstName} ${lastName}`, street: data.location.streetAddress(), city: data.location.city(), zip: data.location.zipCode('#####'), countryCode: 'US' },
    ...overrides,
  };
};
