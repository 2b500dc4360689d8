// Bench handler (W3): input is a number n; returns {value: n * 2}.
export async function handler(n: number): Promise<{ value: number }> {
  return { value: n * 2 };
}
