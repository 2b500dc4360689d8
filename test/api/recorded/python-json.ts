/** JSON as Python's json.dumps writes it (", " and ": "), as localstack's recorded tests send their texts. */
export const pythonJson = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(pythonJson).join(', ')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pythonJson(x)}`).join(', ')}}`
      : JSON.stringify(v);
