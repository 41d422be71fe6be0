export * from './ids';
export * from './schema';
export * from './doc';
export * from './migrations';
export * from './protocol';
export * from './domain';
export * from './export';
export * from './import';
