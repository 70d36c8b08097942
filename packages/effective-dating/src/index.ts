import 'reflect-metadata';

export * from './access';
export * from './actor';
export * from './audit/audit.migration';
export * from './audit/audit.record';
export * from './audit/audit.resolver';
export * from './audit/audit.trail';
export * from './audit/audit.types';
export * from './dated-loader';
export * from './dated-record';
export * from './decision/decision.entity';
export * from './decision/decision.inputs';
export * from './decision/decision.loaders';
export * from './decision/decision.record';
export * from './validity';
export * from './write/dated-write';
export * from './write/revise';
export * from './write/versions';
