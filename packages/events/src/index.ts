export type { ConsumerGroupTopics, ConsumerLag, UnreadRange } from './consumer-lag';
export * from './dead-letters';
export * from './envelope';
export * from './event-bus';
export * from './event-tracing';
export * from './inbox-consumer';
export * from './messaging-tables.migration';
export * from './outbox';
export * from './outbox-backlog';
export * from './outbox-listener';
export * from './outbox-relay';
export {
  checkKafkaSecurityEnv,
  kafkaSecurityEnvSchema,
  kafkaSecurityEnvShape,
  kafkaSecurityFromEnv,
  KafkaSecurityConfigError,
  type KafkaSecurity,
  type KafkaSecurityEnv,
} from './kafka-security';
export * from './outbox-trace-context.migration';
export * from './outbox-wake.migration';
