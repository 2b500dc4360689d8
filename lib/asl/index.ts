export * from './json';
export * from './query-language';
export * from './errors';
export * from './retry-catch';
export * from './choice-rule';
export * from './states';
export * from './state-graphs';
