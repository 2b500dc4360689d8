import { appendFileSync } from 'node:fs';

/** Hands out the task token by writing it where the test reads it (one JSON line per invocation). */
export const handler = async (event: { token: string; name: string }) => {
  appendFileSync(process.env.TOKENS_FILE!, `${JSON.stringify({ name: event.name, token: event.token })}\n`);
  return { sent: true };
};
