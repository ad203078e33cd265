// Text bound for an audit entry: PostgreSQL's text and jsonb must take it, and a
// cut never leaves half a character behind.
import { redacted } from '../../src/audit/auditLog';
import { storableText } from '../../src/audit/storableText';

const LONE_HIGH = '\ud83d';
const LONE_LOW = '\udc8d';

test('NUL bytes and lone surrogates, high or low, become U+FFFD; surrogate pairs stay', () => {
  expect(storableText(`a\0b`)).toBe('a\uFFFDb');
  expect(storableText(`a${LONE_HIGH}b${LONE_LOW}c`)).toBe('a\uFFFDb\uFFFDc');
  expect(storableText(`${LONE_LOW}${LONE_HIGH}`)).toBe('\uFFFD\uFFFD'); // the wrong order is no pair
  expect(storableText(`end${LONE_HIGH}`)).toBe('end\uFFFD');
  expect(storableText('💍 ring')).toBe('💍 ring');
});

test('a cut keeps at most the limit, between two code points', () => {
  expect(storableText('abcdef', 3)).toBe('abc…');
  expect(storableText('abc', 3)).toBe('abc');
  // "x" then emoji: the 4th unit is the first half of the second emoji, which goes whole.
  expect(storableText('x💍💍💍', 4)).toBe('x💍…');
  expect(storableText('💍💍💍', 4)).toBe('💍💍…');
  // A lone half is replaced before the cut, so it is not taken for the start of a pair.
  expect(storableText(`abc${LONE_HIGH}def`, 4)).toBe('abc\uFFFD…');
});

test('a redacted copy is storable everywhere: values, keys, list items, and text cut at 200', () => {
  const copy = redacted({
    name: `x${'😀'.repeat(150)}`,
    [`key\0${LONE_HIGH}`]: [`item\0`, { deep: `${LONE_LOW}` }],
    password: `secret\0`,
  });
  expect(copy).toEqual({
    name: `x${'😀'.repeat(99)}…`,
    'key\uFFFD\uFFFD': ['item\uFFFD', { deep: '\uFFFD' }],
    password: '[redacted]',
  });
  // What PostgreSQL's jsonb refuses: an escaped lone surrogate or NUL in the JSON text.
  expect(JSON.stringify(copy)).not.toMatch(/\\u(d[89a-f][0-9a-f]{2}|0000)/i);
});
