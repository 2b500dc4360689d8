// Bench handler (W2f): process_payment always throws an Error named PaymentDeclined.
export async function handler(): Promise<never> {
  const err = new Error('card declined');
  err.name = 'PaymentDeclined';
  throw err;
}
