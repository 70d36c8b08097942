export * from './edge.errors';
export * from './edge.http';
export * from './edge.plugin';
export * from './edge.settings';
export * from './input-text';
