/** Text made safe for one cell of a Markdown table: pipes escaped, on one line, `max` characters at most. */
export const markdownCell = (text: string, max = Infinity): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, max);
