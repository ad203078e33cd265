// Text PostgreSQL will take into an audit entry. Its text and jsonb types refuse
// NUL (U+0000), and jsonb refuses a lone UTF-16 surrogate (a JavaScript string may
// hold one; JSON.stringify writes it as "\ud800"): either fails the whole insert,
// so the entry would be lost. Both become U+FFFD, the replacement character, which
// shows that something was there.
//
// With the `u` flag a surrogate pair is one code point, so only lone halves match.
const UNSTORABLE = /[\0\p{Surrogate}]/gu;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** `value` made storable and, past `maxLength` UTF-16 units, cut with "…" between two code points, never inside one. */
export function storableText(value: string, maxLength = Infinity): string {
  const text = value.replace(UNSTORABLE, '\uFFFD');
  if (text.length <= maxLength) return text;
  // Lone halves are gone: a high surrogate at the cut is the first half of a pair, kept out whole.
  const end = isHighSurrogate(text.charCodeAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return `${text.slice(0, end)}…`;
}
