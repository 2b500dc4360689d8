// Bench handler: returns {released: true, order_id}.
export async function handler(input: { order_id: string }): Promise<{ released: boolean; order_id: string }> {
  return { released: true, order_id: input.order_id };
}
