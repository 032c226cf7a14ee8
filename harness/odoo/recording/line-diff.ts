/**
 * A unified-style diff of two texts, line by line (`-` expected, `+` actual, two lines of context).
 * Recordings compare small JSON documents, so a plain LCS table is fast enough.
 */
export const lineDiff = (expected: string, actual: string, context = 2): string => {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);

  const ops: Array<{ sign: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ sign: ' ', line: a[i++]! }), j++;
    // Removals before additions, as unified diffs print them.
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ sign: '-', line: a[i++]! });
    else ops.push({ sign: '+', line: b[j++]! });
  }
  const keep = ops.map((_, index) => ops.slice(Math.max(0, index - context), index + context + 1).some((near) => near.sign !== ' '));
  const out: string[] = [];
  ops.forEach((op, index) => {
    if (keep[index]) out.push(`${op.sign} ${op.line}`);
    else if (keep[index - 1]) out.push('  …');
  });
  return out.join('\n');
};
