import type { SFNServiceException } from '@aws-sdk/client-sfn';

/** The error name and message a call fails with; a call that succeeds fails the test. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as SFNServiceException;
    return { name: e.name, message: e.message };
  }
  throw new Error('the call succeeded');
}
