import type { StateRule } from '../context';
import { Messages } from '../messages';

const ARN = /^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:.+$/;
const ACTIVITY = /^arn:[^:]+:states:[^:]+:[^:]+:activity:/;
const INTEGRATION_PATTERN = /\.(sync|waitForTaskToken)(:2)?$/;

/**
 * Task Resource: an ARN; and in an EXPRESS machine no `.sync` / `.waitForTaskToken` pattern and no
 * activity (texts recorded on AWS by localstack).
 */
export const taskResource: StateRule = ({ state, location, options, sink }) => {
  const resource = state.Resource;
  const at = `${location}/Resource`;
  if (resource === undefined) return;
  if (typeof resource !== 'string') {
    sink.schema(Messages.expectedType('STRING'), at);
    return;
  }
  if (!ARN.test(resource)) {
    sink.schema(Messages.notAnArn, at);
    return;
  }
  if (options.type !== 'EXPRESS') return;
  const pattern = INTEGRATION_PATTERN.exec(resource);
  if (pattern) sink.schema(Messages.expressIntegration(pattern[1] === 'sync' ? '.sync' : '.waitForTaskToken'), at);
  else if (ACTIVITY.test(resource)) sink.schema(Messages.expressActivity, at);
};
