export * from './csv';
export * from './tables';
