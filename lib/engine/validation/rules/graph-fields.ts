import type { JsonObject } from '../../../asl';
import { isObject, type GraphContext } from '../context';
import type { DiagnosticSink } from '../diagnostic';
import { checkEnum, checkNumeric, checkString } from '../field-checks';
import { Messages } from '../messages';

const ROOT_FIELDS = new Set(['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version', 'QueryLanguage']);
/** A branch or ItemProcessor cannot declare QueryLanguage (floci-io/floci#2968, measured on AWS). */
const BRANCH_FIELDS = new Set(['Comment', 'StartAt', 'States']);
const PROCESSOR_FIELDS = new Set(['Comment', 'StartAt', 'States', 'ProcessorConfig']);

/** StartAt/States shape shared by every graph. AWS lists missing ones States first: "[States, StartAt]". */
function checkStartAtAndStates(graph: JsonObject, at: string, sink: DiagnosticSink): void {
  const missing = ['States', 'StartAt'].filter((f) => !(f in graph));
  const base = at === '/' ? '' : at;
  if (missing.length > 0) sink.schema(Messages.required(missing), at);
  if ('StartAt' in graph && typeof graph.StartAt !== 'string') sink.schema(Messages.expectedType('STRING'), `${base}/StartAt`);
  if ('States' in graph) {
    if (!isObject(graph.States)) sink.schema(Messages.expectedType('OBJECT'), `${base}/States`);
    else if (Object.keys(graph.States).length === 0) sink.schema(Messages.empty, `${base}/States`);
    else {
      for (const [name, state] of Object.entries(graph.States)) {
        if (!isObject(state)) sink.schema(Messages.expectedType('OBJECT'), `${base}/States/${name}`);
      }
    }
  }
}

function unsupported(graph: JsonObject, allowed: ReadonlySet<string>, at: string, sink: DiagnosticSink): void {
  for (const field of Object.keys(graph)) if (!allowed.has(field)) sink.schema(Messages.notSupported(field), at);
}

/**
 * The machine's own fields. Missing ones are reported before unknown ones, as on a state
 * (AWS's InvalidDefinition quoted in cloudtools/troposphere#1450).
 */
export function checkRootFields(root: JsonObject, sink: DiagnosticSink): void {
  checkStartAtAndStates(root, '/', sink);
  unsupported(root, ROOT_FIELDS, '/', sink);
  checkEnum(root.Version, '/Version', ['1.0'], sink);
  checkString(root.Comment, '/Comment', sink);
  // Measured on AWS (floci-io/floci#2968): the enum error sits at the field itself.
  checkEnum(root.QueryLanguage, '/QueryLanguage', ['JSONPath', 'JSONata'], sink);
  // A machine-wide TimeoutSeconds of 0 is accepted (measured, unlike a Task's).
  checkNumeric(root.TimeoutSeconds, '/TimeoutSeconds', { min: 0, max: 99999999, integer: true }, false, sink);
}

/** A Parallel branch's or Map ItemProcessor's own fields. */
export function checkGraphFields(graph: GraphContext, sink: DiagnosticSink): void {
  const isProcessor = graph.mapMode !== undefined;
  checkStartAtAndStates(graph.graph, graph.location, sink);
  unsupported(graph.graph, isProcessor ? PROCESSOR_FIELDS : BRANCH_FIELDS, graph.location, sink);
}
