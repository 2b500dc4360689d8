import { Choice } from './states/choice';
import { Fail, type JsonPathFailProps } from './states/fail';
import { MapState, type JsonPathMapProps } from './states/map';
import { Parallel, type JsonPathParallelProps } from './states/parallel';
import { Pass, type JsonPathPassProps } from './states/pass';
import { Succeed } from './states/succeed';
import { Wait, type WaitTime } from './states/wait';

/** Factories for the building blocks (JSONPath variants); a JSONata set would sit beside these with its own props types. */
export const pass = (name: string, props?: JsonPathPassProps): Pass => new Pass(name, props);
export const choice = (name: string, comment?: string): Choice => new Choice(name, comment);
export const wait = (name: string, time: WaitTime): Wait => new Wait(name, time);
export const succeed = (name: string, props?: { outputPath?: string; comment?: string }): Succeed => new Succeed(name, props);
export const fail = (name: string, props?: JsonPathFailProps): Fail => new Fail(name, props);
export const parallel = (name: string, props: JsonPathParallelProps): Parallel => new Parallel(name, props);
export const map = (name: string, props: JsonPathMapProps): MapState => new MapState(name, props);
