export * from './records';
export * from './meta';
export * from './cascade';
export * from './order';
export * from './repair';
export * from './inspect';
export * from './agreement';
export * from './permissions';
