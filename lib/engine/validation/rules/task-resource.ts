import { isJsonataExpression } from '../../jsonata/is-jsonata-expression';
import { isObject, type StateRule } from '../context';
import { Messages } from '../messages';

const ARN = /^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:.+$/;
const ACTIVITY = /^arn:[^:]+:states:[^:]+:[^:]+:activity:/;
const INTEGRATION_PATTERN = /\.(sync|waitForTaskToken)(:2)?$/;

/**
 * Task Resource: an ARN; a JSONata Task's Arguments an object or an expression; and in an EXPRESS machine no `.sync` / `.waitForTaskToken` pattern and no
 * activity (texts recorded on AWS by localstack).
 */
export const taskResource: StateRule = ({ state, location, queryLanguage, options, sink }) => {
  // Arguments "will accept either a JSON object … Or … a JSONata expression" (transforming-data page).
  if (queryLanguage === 'JSONata' && 'Arguments' in state && !isObject(state.Arguments) && !isJsonataExpression(state.Arguments)) {
    sink.schema(Messages.expectedType('OBJECT'), `${location}/Arguments`);
  }
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
