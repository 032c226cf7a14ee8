import type { Faker } from '@faker-js/faker';

/** A customer who pays on Odoo's portal: a name, and an e-mail Odoo sends the payment link to. */
export const portalCustomer = (data: Faker): { readonly name: string; readonly email: string } => ({ name: data.person.fullName(), email: data.internet.email().toLowerCase() });
