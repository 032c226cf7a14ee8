/** A stable 31-bit seed from a scenario id (FNV-1a), so each scenario's data is reproducible. */
export const seedFor = (scenarioId: string): number => {
  let hash = 0x811c9dc5;
  for (const char of scenarioId) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
};
