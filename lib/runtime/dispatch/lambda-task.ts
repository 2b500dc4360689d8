import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../../asl';
import { invokeEnvelope, invokeEnvelopeText } from '../lambda/invoke-envelope';
import { logTail } from '../lambda/log-tail';
import { parseFunctionName } from '../lambda/lambda-registry';
import type { RuntimeContext } from '../runtime-context';
import { reportStarted, sdkCause, type TaskHandler, type TaskRun } from './task-run';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The event a lambda:invoke Payload gives the function. Step Functions sends a string Payload as the
 * request body itself, so the function sees the JSON it holds ("0" arrives as 0), and no Payload, or
 * null, as no body, which Lambda hands on as {} (localstack test_lambda_task_service.snapshot.json
 * test_invoke_json_values and test_invoke, recorded on AWS). A string that is not JSON is refused as
 * Lambda refuses a body it cannot parse (the cause's wording past its first clause is unverified).
 */
function invokePayload(payload: Json | undefined): { ok: true; event: Json } | { ok: false } {
  if (payload === undefined || payload === null) return { ok: true, event: {} };
  if (typeof payload !== 'string') return { ok: true, event: payload };
  try {
    return { ok: true, event: JSON.parse(payload) as Json };
  } catch {
    return { ok: false };
  }
}

/**
 * Lambda tasks: a function ARN as the Resource (the state's input is the event; the function's
 * result is the task's result), or `arn:aws:states:::lambda:invoke` (Parameters carry FunctionName
 * and Payload; the result is Lambda's Invoke response). A function error becomes the task's error
 * (its errorType) and cause (the error payload's JSON text).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
export function lambdaTasks(ctx: RuntimeContext, mode: 'function' | 'invoke'): TaskHandler {
  return {
    async run(task: TaskRun) {
      const c = task.command;
      let functionName: string;
      let event: Json;
      let invocationType = 'RequestResponse';
      let tail = false;
      // The task starts before the Invoke call, so a refused call follows TaskStarted: through
      // lambda:invoke (localstack test_task_service_lambda.snapshot.json test_no_such_function,
      // recorded on AWS) and for a function ARN, whose missing function is LambdaFunctionStarted, then
      // LambdaFunctionFailed (a history from AWS's Step Functions Local, codetheweb/serverless-step-functions-local#3).
      reportStarted(task);
      if (mode === 'function') {
        functionName = c.resource;
        event = c.payload;
      } else {
        const p = isObject(c.payload) ? c.payload : {};
        if (typeof p.FunctionName !== 'string') {
          return task.report({
            kind: 'TaskFailed',
            error: 'Lambda.InvalidParameterValueException',
            cause: sdkCause({ message: 'FunctionName is required', service: 'AWSLambda', status: 400, code: 'InvalidParameterValueException', requestId: randomUUID() }),
          });
        }
        functionName = p.FunctionName;
        const payload = invokePayload(p.Payload);
        if (!payload.ok) {
          return task.report({
            kind: 'TaskFailed',
            error: 'Lambda.InvalidRequestContentException',
            cause: sdkCause({ message: 'Could not parse request body into json: Could not parse payload into json', service: 'AWSLambda', status: 400, code: 'InvalidRequestContentException', requestId: randomUUID() }),
          });
        }
        event = payload.event;
        if (typeof p.InvocationType === 'string') invocationType = p.InvocationType;
        // Step Functions passes LogType on to Lambda (localstack test_lambda_task_service.snapshot.json
        // test_invoke_unsupported_param, recorded on AWS, against the docs' list of unsupported fields).
        tail = p.LogType === 'Tail';
      }
      const found = ctx.lambdas.find(functionName);
      if (!found) {
        const arn = functionName.startsWith('arn:') ? functionName : ctx.lambdas.arnOf(parseFunctionName(functionName)?.name ?? functionName);
        return task.report({
          kind: 'TaskFailed',
          error: 'Lambda.ResourceNotFoundException',
          cause: sdkCause({ message: `Function not found: ${arn}`, service: 'AWSLambda', status: 404, code: 'ResourceNotFoundException', requestId: randomUUID() }),
        });
      }
      const requestId = randomUUID();
      const at = ctx.clock.now();
      if (mode === 'invoke' && invocationType !== 'RequestResponse') {
        // Event: Lambda queues the event and answers 202 at once; DryRun only checks (204).
        if (invocationType === 'Event') void found.fn.invoke(event, requestId);
        const status = invocationType === 'Event' ? 202 : 204;
        const response = JSON.stringify(invokeEnvelope({ payload: '', payloadBytes: 0, requestId, at, statusCode: status }));
        return task.report({ kind: c.pattern === 'waitForTaskToken' ? 'TaskSubmitted' : 'TaskSucceeded', output: response });
      }
      const began = performance.now();
      const outcome = await found.fn.invoke(event, requestId);
      const durationMs = performance.now() - began;
      if (!outcome.ok) {
        return task.report({ kind: 'TaskFailed', error: outcome.error.errorType, cause: JSON.stringify(outcome.error) });
      }
      if (mode === 'function') return task.report({ kind: 'TaskSucceeded', output: outcome.payload });
      // The payload is JSON.stringify's text (runHandler's), so it goes into the envelope's text as it is
      // (a result JSON.stringify cannot write, such as a function, fails the task as it did when it was parsed here).
      if (typeof outcome.payload !== 'string') throw new SyntaxError('the function returned no JSON');
      const logResult = tail ? logTail({ requestId, durationMs, memorySize: found.fn.config.memorySize }) : undefined;
      const response = invokeEnvelopeText({ payloadText: outcome.payload, requestId, at: ctx.clock.now(), ...(logResult === undefined ? {} : { logResult }) });
      // A callback records the Invoke response as TaskSubmitted and waits for its token, as every
      // `.waitForTaskToken` integration does (localstack test_callback.snapshot.json, recorded on AWS).
      return task.report({ kind: c.pattern === 'waitForTaskToken' ? 'TaskSubmitted' : 'TaskSucceeded', output: response });
    },
  };
}
