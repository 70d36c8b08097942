export * from './graphql-client';
export * from './infrastructure';
export * from './repository';
export * from './tokens';
export * from './wait';
export * from './database';
export * from './processes';
export * from './service-env';
