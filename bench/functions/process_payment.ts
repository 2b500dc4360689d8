// Bench handler (W2): returns {success: true, transaction_id: 'txn-' + order_id}.
export async function handler(input: { order_id: string }): Promise<{ success: boolean; transaction_id: string }> {
  return { success: true, transaction_id: 'txn-' + input.order_id };
}
