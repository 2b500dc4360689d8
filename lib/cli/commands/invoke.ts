import { UsageError, type Command } from '../command';

const usage = `Usage: sagaflow invoke FUNCTION --payload JSON [options]

Runs one of this CDK app's Lambda functions once, locally, from its bundled asset and with its
environment resolved as \`npm start\` runs it: the way to call helpers such as \`approve\` without
a Lambda service. FUNCTION is the function's local name or its logical id (or a unique part of it).
Prints the handler's result as JSON on stdout; a thrown error prints {errorType, errorMessage}
on stdout (as \`aws lambda invoke\` writes a function error) and on stderr, and exits 1.

  --payload JSON          the event (default {})
  --assembly DIR          a synthesized cloud assembly to use (default: ./cdk.out, synthesized if stale)
  --endpoint-url URL      the local Step Functions API (default http://127.0.0.1:8083)
  --dynamodb-endpoint URL the local DynamoDB (default http://127.0.0.1:8000)
  --region R              default us-east-1`;

export const invoke: Command = {
  summary: "run one of the app's Lambda functions locally (e.g. the approve helper)",
  usage,
  async run(argv) {
    let fn: string | undefined;
    let payload = '{}';
    let endpoint = 'http://127.0.0.1:8083';
    let dynamodb = 'http://127.0.0.1:8000';
    let region = 'us-east-1';
    let assembly: string | undefined;
    for (let i = 0; i < argv.length; i++) {
      const flag = argv[i];
      const value = () => {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value`);
        return v;
      };
      if (flag === '--payload') payload = value();
      else if (flag === '--endpoint-url') endpoint = value();
      else if (flag === '--dynamodb-endpoint') dynamodb = value();
      else if (flag === '--region') region = value();
      else if (flag === '--assembly') assembly = value();
      else if (flag.startsWith('-')) throw new UsageError(`unknown option '${flag}'`);
      else if (fn === undefined) fn = flag;
      else throw new UsageError(`one function at a time (got '${fn}' and '${flag}')`);
    }
    if (!fn) throw new UsageError('name the function to invoke');
    let event: unknown;
    try {
      event = JSON.parse(payload);
    } catch (err) {
      throw new UsageError(`--payload is not JSON: ${(err as Error).message}`);
    }

    // require, not import(): bin/sagaflow.js registers tsx for CommonJS only, and loading these here keeps --help fast.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { synthesize } = require('../../local/synth') as typeof import('../../local/synth');
    const { readCloudAssembly } = require('../../local/cloud-assembly') as typeof import('../../local/cloud-assembly');
    const { loadLocalApp } = require('../../local/local-app') as typeof import('../../local/local-app');
    const { localFunctionEnvironment } = require('../../local/start-local-app') as typeof import('../../local/start-local-app');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const assemblyDir = assembly ?? synthesize(process.cwd(), (line) => console.error(line)).assemblyDir;
    const app = loadLocalApp(assemblyDir, readCloudAssembly(assemblyDir), { region, accountId: '123456789012' });
    const wanted = fn;
    const exact = app.functions.filter((f) => f.functionName === wanted || f.logicalId === wanted);
    const matches = exact.length ? exact : app.functions.filter((f) => f.logicalId.toLowerCase().includes(wanted.toLowerCase()));
    if (matches.length !== 1) {
      const names = app.functions.map((f) => `  ${f.functionName}`).join('\n');
      throw new UsageError(matches.length ? `'${wanted}' matches ${matches.length} functions; be more specific:\n${names}` : `no function '${wanted}' in this app. Functions:\n${names}`);
    }
    const f = matches[0];
    Object.assign(process.env, localFunctionEnvironment({ region, dynamodbEndpoint: dynamodb, stepFunctionsEndpoint: endpoint }), f.environment ?? {});
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(f.modulePath) as Record<string, unknown>;
    const handler = mod[f.handlerName ?? 'handler'];
    if (typeof handler !== 'function') throw new Error(`${f.modulePath} exports no function '${f.handlerName ?? 'handler'}'`);
    const timeoutSeconds = f.timeoutSeconds ?? 3;
    const deadline = Date.now() + timeoutSeconds * 1000;
    const context = { functionName: f.functionName, awsRequestId: 'local-invoke', getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
    let code: number;
    let timer: NodeJS.Timeout | undefined;
    // The function's own timeout applies, reported as Lambda reports it.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`Task timed out after ${timeoutSeconds.toFixed(2)} seconds`), { name: 'Sandbox.Timedout' })), timeoutSeconds * 1000);
    });
    // The function's own logs go to stderr (on AWS, to its log group), so stdout carries only the result.
    const { log: print, info, debug } = console;
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    try {
      const result = await Promise.race([(handler as (e: unknown, c: object) => Promise<unknown>)(event, context), timedOut]);
      print(JSON.stringify(result ?? null, null, 2));
      code = 0;
    } catch (err) {
      const e = err as Error;
      const failure = JSON.stringify({ errorType: e?.name ?? 'Error', errorMessage: e?.message ?? String(err) });
      print(failure);
      console.error(`${f.functionName} failed: ${failure}`);
      code = 1;
    } finally {
      clearTimeout(timer);
      Object.assign(console, { log: print, info, debug });
    }
    // Like Lambda freezing its sandbox, the handler's idle keep-alive sockets must not hold the
    // command open: once the answer is out, end (unless the process would end by itself first).
    setTimeout(() => process.exit(code), 50).unref();
    return code;
  },
};
