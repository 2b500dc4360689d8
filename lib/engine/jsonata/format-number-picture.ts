/**
 * jsonata-js crashes on a `$formatNumber` sub-picture with no active character ("x"), where AWS
 * answers with an XPath F&O 4.7.3 error: `$formatNumber(1, "x")` fails with D3086 on AWS
 * (floci-io/floci#2737, measured). AWS's parser treats such a sub-picture as all active part with
 * an empty prefix and suffix; this applies the same rules to it, the last broken rule winning as in
 * jsonata-js. Returns the error code, or undefined when jsonata-js can format the picture itself.
 */
const DEFAULTS: Readonly<Record<string, string>> = {
  'decimal-separator': '.',
  'grouping-separator': ',',
  'exponent-separator': 'e',
  percent: '%',
  'per-mille': '\u2030',
  'zero-digit': '0',
  digit: '#',
  'pattern-separator': ';',
};

export function degeneratePictureError(picture: string, options: Record<string, unknown> | undefined): string | undefined {
  const props: Record<string, string> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options ?? {})) if (typeof value === 'string') props[key] = value;
  const zero = props['zero-digit'].charCodeAt(0);
  const digits = Array.from({ length: 10 }, (_, i) => String.fromCharCode(zero + i));
  const active = new Set([...digits, props['decimal-separator'], props['exponent-separator'], props['grouping-separator'], props.digit, props['pattern-separator']]);
  const subPictures = picture.split(props['pattern-separator']);
  if (subPictures.length > 2) return undefined; // jsonata-js reports D3080 itself
  for (const sub of subPictures) {
    const hasAnchor = [...sub].some((ch) => active.has(ch) && ch !== props['exponent-separator']);
    if (hasAnchor) continue;
    return ruleBroken(sub, props, active);
  }
  return undefined;
}

function ruleBroken(sub: string, props: Record<string, string>, active: Set<string>): string {
  // With no digit in it the mantissa rule (D3085) always breaks, and overrides D3081-D3084.
  let error = 'D3085';
  if ([...sub].some((ch) => !active.has(ch))) error = 'D3086';
  const exponentAt = sub.indexOf(props['exponent-separator']);
  if (exponentAt !== -1) {
    const percentLike = sub.includes(props.percent) || sub.includes(props['per-mille']);
    if (exponentAt < sub.length - 1 && percentLike) error = 'D3092';
    error = 'D3093';
  }
  return error;
}
