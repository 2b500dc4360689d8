import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Measurement } from './figures';

const ROOT = join(__dirname, '..');

/**
 * Cold start of the service as users start it: `node bin/sagaflow.js serve --memory --port 0`
 * spawned fresh, timed from the spawn to the end of the answer to its first request
 * (ListStateMachines, once the process printed where it listens).
 */
export function coldStart(): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/sagaflow.js'), 'serve', '--memory', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let asked = false;
    const fail = (why: string) => {
      child.kill('SIGKILL');
      reject(new Error(`cold start: ${why}${err ? ` (stderr: ${err.trim().split('\n')[0]})` : ''}`));
    };
    const timer = setTimeout(() => fail('no answer within 30 s'), 30_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!asked) fail(`serve exited with code ${code} before listening`);
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /on (http:\/\/[^\s]+) /.exec(out);
      if (!m || asked) return;
      asked = true;
      const listening = performance.now() - t0;
      const req = request(`${m[1]}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' } }, (res) => {
        res.resume();
        res.on('end', () => {
          const answered = performance.now() - t0;
          clearTimeout(timer);
          child.kill('SIGTERM');
          if (res.statusCode !== 200) reject(new Error(`cold start: ListStateMachines answered ${res.statusCode}`));
          else resolve({ first_answer_ms: answered, listening_ms: listening });
        });
      });
      req.on('error', (e) => fail(e.message));
      req.end('{}');
    });
  });
}
