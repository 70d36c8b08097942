import 'reflect-metadata';

export * from './data-source';
export * from './edge';
export * from './env';
export * from './gateway-proof';
export * from '@ps/errors';
export * from './health';
export * from './lifecycle';
export * from './loaders';
export * from './logger';
export * from './metrics';
export * from './schema';
export * from './server';
export * from './service';
export * from './text';
export * from './tier';
