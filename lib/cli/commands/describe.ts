import { CLIENT_USAGE, isoOrNull } from '../client-flags';
import type { Command } from '../command';
import { formatDuration } from '../duration';
import { onExecution } from '../execution-command';
import { EXECUTION_REF_USAGE } from '../execution-ref';
import { callService } from '../sfn-client';

const usage = `Usage: sagaflow describe EXECUTION [options]

Shows one execution: its status, dates, input, and its output or its error and cause.
${EXECUTION_REF_USAGE}

${CLIENT_USAGE}`;

/** A JSON payload indented for reading; a text that is not JSON is shown as it is. */
export function prettyPayload(text: string | undefined): string {
  if (text === undefined) return '-';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const indent = (text: string) => text.split('\n').join('\n  ');

export const describe: Command = {
  summary: 'show an execution: status, input, output or error and cause, dates',
  usage,
  run: (argv) =>
    onExecution(argv, {}, async ({ flags, executionArn, endpoint, client }) => {
      const { DescribeExecutionCommand } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
      const { $metadata: _, ...e } = await callService(endpoint, () => client.send(new DescribeExecutionCommand({ executionArn })));
      if (flags.json) {
        console.log(JSON.stringify({ ...e, startDate: isoOrNull(e.startDate), stopDate: isoOrNull(e.stopDate), redriveDate: e.redriveDate && isoOrNull(e.redriveDate) }, null, 2));
        return 0;
      }
      const lines = [
        `Execution:      ${e.executionArn}`,
        `State machine:  ${e.stateMachineArn}`,
        `Status:         ${e.status}`,
        `Started:        ${isoOrNull(e.startDate)}`,
        `Stopped:        ${e.stopDate ? isoOrNull(e.stopDate) : '-'}`,
        `Duration:       ${e.stopDate && e.startDate ? formatDuration(e.stopDate.getTime() - e.startDate.getTime()) : 'running'}`,
      ];
      if (e.redriveCount) lines.push(`Redriven:       ${e.redriveCount} time(s)${e.redriveDate ? `, last ${isoOrNull(e.redriveDate)}` : ''}`);
      lines.push('Input:', `  ${indent(prettyPayload(e.input))}`);
      if (e.output !== undefined) lines.push('Output:', `  ${indent(prettyPayload(e.output))}`);
      if (e.error !== undefined || e.cause !== undefined) {
        lines.push(`Error:          ${e.error ?? '-'}`);
        lines.push('Cause:', `  ${indent(prettyPayload(e.cause))}`);
      }
      console.log(lines.join('\n'));
      return 0;
    }),
};
