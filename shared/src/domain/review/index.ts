export * from './diff';
export * from './sentences';
