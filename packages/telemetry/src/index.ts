export * from './log-fields';
export * from './tracing.lifecycle';
export * from './tracing.settings';
