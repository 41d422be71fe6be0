export * from './diff';
export * from './sentences';
export * from './restore';
export * from './agreement';
