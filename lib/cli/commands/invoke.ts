import { UsageError, type Command } from '../command';

const usage = `Usage: sagaflow invoke FUNCTION --payload JSON [options]

Runs one of this CDK app's Lambda functions once, locally, from its bundled asset and with its
environment resolved as \`npm start\` runs it: the way to call helpers such as \`approve\` without
a Lambda service. FUNCTION is the function's local name or its logical id (or a unique part of it).
Prints the handler's result as JSON; a thrown error prints {errorType, errorMessage} and exits 1.

  --payload JSON          the event (default {})
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

    const { synthesize } = await import('../../local/synth');
    const { readCloudAssembly } = await import('../../local/cloud-assembly');
    const { loadLocalApp } = await import('../../local/local-app');
    const { localFunctionEnvironment } = await import('../../local/start-local-app');
    const { assemblyDir } = synthesize(process.cwd(), (line) => console.error(line));
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
    try {
      const result = await (handler as (e: unknown, c: object) => Promise<unknown>)(event, { functionName: f.functionName, awsRequestId: 'local-invoke', getRemainingTimeInMillis: () => (f.timeoutSeconds ?? 3) * 1000 });
      console.log(JSON.stringify(result ?? null, null, 2));
      return 0;
    } catch (err) {
      const e = err as Error;
      console.log(JSON.stringify({ errorType: e.name ?? 'Error', errorMessage: e.message ?? String(err) }, null, 2));
      return 1;
    }
  },
};
