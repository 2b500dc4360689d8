/** Fails its first two attempts (the state's RetryCount comes in the event), so every execution retries. */
export const handler = async (event: { attempt: number; id: string }) => {
  if (event.attempt < 2) {
    const e = new Error(`attempt ${event.attempt} of ${event.id} failed`);
    e.name = 'Transient';
    throw e;
  }
  return { id: event.id, attempts: event.attempt + 1 };
};
