import 'reflect-metadata';

export * from './data-source';
export * from './env';
export * from './errors';
export * from './health';
export * from './lifecycle';
export * from './loaders';
export * from './logger';
export * from './schema';
export * from './server';
