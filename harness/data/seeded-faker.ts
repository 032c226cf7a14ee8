import { Faker, en, base } from '@faker-js/faker';

/**
 * A Faker of its own per scenario, seeded, so the same scenario always sends the same data and
 * a failure reproduces from its seed (and replays match their recordings).
 */
export const seededFaker = (seed: number): Faker => {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
};
