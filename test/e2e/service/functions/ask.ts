import { appendFileSync } from 'node:fs';

/** Sends the approval request: here, writes the task token where the test reads it. */
export const handler = async (event: { token: string; name: string }) => {
  appendFileSync(process.env.TOKENS_FILE!, `${JSON.stringify({ name: event.name, token: event.token })}\n`);
  return { sent: true };
};
