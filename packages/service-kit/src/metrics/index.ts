export * from './metrics.http';
export * from './metrics.messaging';
export * from './metrics.plugin';
export * from './metrics.registry';
