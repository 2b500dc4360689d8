import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'body'; body: Buffer } | { kind: 'too-large' };

/**
 * Reads a request body of at most `limit` bytes. A body announced (Content-Length) or found to be
 * larger is never buffered: the result is 'too-large' as soon as that is known, and the rest of the
 * body is left for the caller to discard.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const announced = Number(req.headers['content-length']);
  if (Number.isFinite(announced) && announced > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        chunks.length = 0;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve({ kind: 'body', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
