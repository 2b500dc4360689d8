import type { CreateExecution } from './execution-api';
import { Interpreter } from './core/interpreter';

/** Creates the interpreter of one execution; apply StartExecution first. */
export const createExecution: CreateExecution = (definition, options) => new Interpreter(definition, options);
