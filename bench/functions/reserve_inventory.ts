// Bench handler: returns {reserved: true, items: input.items}.
export async function handler(input: { items?: unknown[] }): Promise<{ reserved: boolean; items: unknown }> {
  return { reserved: true, items: input.items };
}
