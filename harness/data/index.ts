/** A Faker seeded per scenario. */
export { seededFaker } from './seeded-faker.ts';
