/** True for a string of the form "{% expression %}" (AWS requires both delimiters, no outer spaces). */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}
