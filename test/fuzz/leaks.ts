/**
 * What an answer body must never quote: traces of an internal error rather than of the request.
 */

/** Each pattern with the leak it reveals. */
export const LEAK_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a stack frame', pattern: /\bat (?:async )?\S.*[(\s][^()\s]*:\d+:\d+\)?/ },
  { name: 'a file path', pattern: /\/work\/|node_modules|\.ts:|\.m?js:\d|file:\/\// },
  {
    name: 'an error class name',
    pattern: /\b(?:Type|Range|Syntax|Reference|Eval|URI|Aggregate|Internal)Error\b/,
  },
  {
    name: 'a thrown message',
    pattern:
      /Cannot read propert|Cannot set propert|Cannot convert|is not a function|is not iterable|is not defined|is not a constructor|undefined is not|Maximum call stack|URI malformed|Invalid array length|Invalid string length/,
  },
];

/**
 * The first leak found in a text, as `name: match`, or undefined.
 *
 * @example
 * ```ts
 * leakIn('{"error":"TypeError: x"}'); // 'an error class name: TypeError'
 * leakIn('{"error":{"status":400}}'); // undefined
 * ```
 */
export function leakIn(text: string): string | undefined {
  for (const { name, pattern } of LEAK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return `${name}: ${JSON.stringify(match[0])}`;
  }
  return undefined;
}

/**
 * Whether a generated text is free of leak patterns, also where it meets a copy of itself (huge
 * strings repeat a unit): the fuzzer never sends what the leak check looks for.
 *
 * @example
 * ```ts
 * isLeakFree('abc'); // true
 * isLeakFree('TypeError'); // false
 * ```
 */
export function isLeakFree(text: string): boolean {
  const sample =
    text.length > 0 && text.length < 40 ? text.repeat(Math.ceil(80 / text.length)) : text;
  return leakIn(sample) === undefined;
}
