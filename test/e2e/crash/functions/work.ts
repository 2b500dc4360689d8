/** A Map item's work: a little latency, then the item doubled. */
export const handler = async (event: { n: number }) => {
  await new Promise((r) => setTimeout(r, 50 + (event.n % 5) * 25));
  return { doubled: event.n * 2 };
};
