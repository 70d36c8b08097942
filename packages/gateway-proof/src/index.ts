export * from './gateway-proof';
