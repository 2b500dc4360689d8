// Bench handler: returns {valid: true} when items is non-empty and total > 0.
export async function handler(input: { items?: unknown[]; total?: number }): Promise<{ valid: boolean; reason?: string }> {
  if (!Array.isArray(input.items) || input.items.length === 0) return { valid: false, reason: 'No items in order' };
  if (!(typeof input.total === 'number' && input.total > 0)) return { valid: false, reason: 'Invalid total' };
  return { valid: true };
}
