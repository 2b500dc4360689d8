// Bench handler (W4): records input.token in a list the benchmark reads; returns {sent: true}.
export const tokens: string[] = [];
export async function handler(input: { token: string }): Promise<{ sent: boolean }> {
  tokens.push(input.token);
  return { sent: true };
}
