export * from './checklist';
export * from './scoring';
export * from './evidence';
export * from './stages';
export * from './reviewDue';
