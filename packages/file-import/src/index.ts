export * from './content';
export * from './errors';
export * from './graphql';
export * from './reader';
export * from './rejects';
