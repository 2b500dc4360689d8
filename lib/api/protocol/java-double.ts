/**
 * A number as Java's `Double.toString` writes it, which is how Step Functions sends timestamps:
 * epoch seconds such as `1.686509515191E9`. Plain decimals between 10^-3 and 10^7, computerized
 * scientific notation elsewhere, always with a digit after the point.
 * @see https://docs.oracle.com/javase/8/docs/api/java/lang/Double.html#toString-double-
 */
export function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(n);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  // toExponential() with no argument gives the shortest digits that round-trip, as Java does.
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}
