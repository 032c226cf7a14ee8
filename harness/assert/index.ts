/** Assertions on the correction queue that print each item's owner and reason. */
export { describeCorrection, expectNoOpenCorrections } from './corrections.ts';
