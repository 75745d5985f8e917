/**
 * A machine key from a label: lower case, accents dropped, each run of other characters one `_`,
 * no `_` at either end, at most 40 characters ("Pro 16 inch" → "pro_16_inch"). A key starts with
 * a letter: what comes before a label's first letter is dropped ("2nd line" → "nd_line"), or,
 * given a `prefix`, kept behind it ("2nd line" → "f_2nd_line").
 */
export function keyFromLabel(label: string, prefix?: string): string {
  const s = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = !s || /^[a-z]/.test(s) ? s : prefix ? `${prefix}${s}` : s.replace(/^[^a-z]+/, '');
  return key.slice(0, 40);
}
