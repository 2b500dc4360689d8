// Bench handler: returns {tracking_number: '1Z' + order_id}.
export async function handler(input: { order_id: string }): Promise<{ tracking_number: string }> {
  return { tracking_number: '1Z' + input.order_id };
}
