/**
 * Base64 decoding as States.Base64Decode does it on AWS: leniently, the way Apache Commons Codec
 * decodes. AWS returns output for '!!!invalid!!!', 'abc', 'ab==cd' and ' YWJjZA== ' (an
 * AWS-executed intrinsic conformance suite, tests/support/conformance/intrinsicCases/
 * States.Base64Decode.ts, measured), which the strict JDK decoders all refuse:
 * - characters outside the alphabet are skipped ('-' and '_' count as '+' and '/');
 * - the first '=' ends the data;
 * - a final group of two or three characters gives one or two bytes, a lone character nothing.
 * The bytes are read as UTF-8, a malformed sequence becoming U+FFFD.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The sextet of each character code, or -1 for a character the decoder skips. */
const SEXTETS: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62;
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

export function lenientBase64Decode(text: string): string {
  const bytes: number[] = [];
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break;
    const sextet = code < 128 ? SEXTETS[code]! : -1;
    if (sextet < 0) continue;
    bits = (bits << 6) | sextet;
    if (++count === 4) {
      bytes.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      bits = 0;
      count = 0;
    }
  }
  if (count === 2) bytes.push((bits >> 4) & 0xff);
  else if (count === 3) bytes.push((bits >> 10) & 0xff, (bits >> 2) & 0xff);
  return Buffer.from(bytes).toString('utf8');
}
