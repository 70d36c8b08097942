export * from './errors';
export * from './principal';
export * from './territory-guard';
export * from './territory-projection';
export * from './territory-projection.migrations';
export * from './session-check';
export * from './verifier';
export * from './token';
