import type { JsonObject } from '../../../asl';
import { isObject, type GraphContext } from '../context';
import type { DiagnosticSink } from '../diagnostic';

const ROOT_FIELDS = new Set(['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version', 'QueryLanguage']);
/** A branch or ItemProcessor cannot declare QueryLanguage (floci-io/floci#2968, measured on AWS). */
const BRANCH_FIELDS = new Set(['Comment', 'StartAt', 'States']);
const PROCESSOR_FIELDS = new Set(['Comment', 'StartAt', 'States', 'ProcessorConfig']);

/** StartAt/States shape shared by every graph. AWS lists missing ones States first: "[States, StartAt]". */
function checkStartAtAndStates(graph: JsonObject, at: string, sink: DiagnosticSink): void {
  const missing = ['States', 'StartAt'].filter((f) => !(f in graph));
  if (missing.length > 0) sink.schema(`These fields are required: [${missing.join(', ')}]`, at);
  if ('StartAt' in graph && typeof graph.StartAt !== 'string') sink.schema("Field 'StartAt' must be a string", `${at}/StartAt`);
  if ('States' in graph) {
    if (!isObject(graph.States)) sink.schema("Field 'States' must be an object", `${at}/States`);
    else if (Object.keys(graph.States).length === 0) sink.schema("The field 'States' should be non-empty", `${at}/States`);
    else {
      for (const [name, state] of Object.entries(graph.States)) {
        if (!isObject(state)) sink.schema('State must be an object', `${at}/States/${name}`);
      }
    }
  }
}

function unsupported(graph: JsonObject, allowed: ReadonlySet<string>, at: string, sink: DiagnosticSink): void {
  for (const field of Object.keys(graph)) if (!allowed.has(field)) sink.schema(`Field '${field}' is not supported`, at);
}

/** The machine's own fields. */
export function checkRootFields(root: JsonObject, sink: DiagnosticSink): void {
  unsupported(root, ROOT_FIELDS, '/', sink);
  checkStartAtAndStates(root, '/', sink);
  if ('Version' in root && root.Version !== '1.0') sink.schema("Field 'Version' must be '1.0'", '/Version');
  if ('Comment' in root && typeof root.Comment !== 'string') sink.schema("Field 'Comment' must be a string", '/Comment');
  if ('QueryLanguage' in root && root.QueryLanguage !== 'JSONPath' && root.QueryLanguage !== 'JSONata') {
    sink.schema("Field 'QueryLanguage' must be one of [JSONPath, JSONata]", '/QueryLanguage');
  }
  if ('TimeoutSeconds' in root) {
    const t = root.TimeoutSeconds;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 1 || t > 99999999) {
      sink.schema("Field 'TimeoutSeconds' must be an integer between 1 and 99999999", '/TimeoutSeconds');
    }
  }
}

/** A Parallel branch's or Map ItemProcessor's own fields. */
export function checkGraphFields(graph: GraphContext, sink: DiagnosticSink): void {
  const isProcessor = graph.mapMode !== undefined;
  unsupported(graph.graph, isProcessor ? PROCESSOR_FIELDS : BRANCH_FIELDS, graph.location, sink);
  checkStartAtAndStates(graph.graph, graph.location, sink);
}
