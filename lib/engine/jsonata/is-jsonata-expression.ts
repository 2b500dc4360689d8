/** True for a string of the form "{% expression %}": AWS needs both delimiters, nothing outside them. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The expression between the delimiters, trimmed: the text AWS quotes in its causes. */
export function jsonataExpressionText(value: string): string {
  return value.slice(2, -2).trim();
}
