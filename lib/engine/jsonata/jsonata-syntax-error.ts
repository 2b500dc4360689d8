import { compileJsonata } from './compiled-expression';

/**
 * The parser's message for a "{% %}" string that does not parse, without the JSONata code, as AWS
 * reports it when it refuses the definition (INVALID_JSONATA_EXPRESSION at the field's location,
 * floci-io/floci#2745); undefined when it parses. For definition validation.
 */
export function jsonataSyntaxError(source: string): string | undefined {
  const compiled = compileJsonata(source.slice(2, -2));
  return compiled.ok ? undefined : (compiled.error.message ?? String(compiled.error.code));
}
