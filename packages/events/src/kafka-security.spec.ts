import {
  kafkaClientSecurityOptions,
  kafkaSecurityEnvSchema,
  kafkaSecurityFromEnv,
  KafkaSecurityConfigError,
  type KafkaSecurityEnv,
} from './kafka-security';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CLUSTER = {
  KAFKA_SSL: 'true',
  KAFKA_SSL_CA_FILE: '/etc/political-system/kafka-ca/ca.crt',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_USERNAME: 'personnel',
  KAFKA_PASSWORD: 'from-the-kafkauser-secret',
};

/** The variables each problem names, in order. */
function problems(source: Record<string, string>): string[] {
  const result = kafkaSecurityEnvSchema.safeParse(source);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function parse(source: Record<string, string>): KafkaSecurityEnv {
  return kafkaSecurityEnvSchema.parse(source);
}

describe('Kafka security variables', () => {
  it('default to plaintext without authentication, as local work and CI run', () => {
    const env = parse({});
    expect(env).toEqual({ KAFKA_SSL: false, KAFKA_SASL_MECHANISM: 'none' });
    expect(kafkaClientSecurityOptions(kafkaSecurityFromEnv(env))).toEqual({});
  });

  it('take empty values (KAFKA_USERNAME= in a .env file) as unset', () => {
    expect(parse({ KAFKA_USERNAME: '', KAFKA_PASSWORD: '', KAFKA_SSL_CA_FILE: '' })).toEqual({ KAFKA_SSL: false, KAFKA_SASL_MECHANISM: 'none' });
  });

  it('name what SCRAM lacks', () => {
    expect(problems({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'reform' })).toEqual([
      'KAFKA_PASSWORD: required when KAFKA_SASL_MECHANISM=scram-sha-512',
    ]);
    expect(problems({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toEqual([
      'KAFKA_USERNAME: required when KAFKA_SASL_MECHANISM=scram-sha-512',
      'KAFKA_PASSWORD: required when KAFKA_SASL_MECHANISM=scram-sha-512',
    ]);
  });

  it('refuse half-made settings: credentials without a mechanism, a CA file without TLS', () => {
    expect(problems({ KAFKA_USERNAME: 'reform', KAFKA_PASSWORD: 'secret' })).toEqual([
      'KAFKA_USERNAME: set, but KAFKA_SASL_MECHANISM is none',
      'KAFKA_PASSWORD: set, but KAFKA_SASL_MECHANISM is none',
    ]);
    expect(problems({ KAFKA_SSL_CA_FILE: '/ca.crt' })).toEqual(['KAFKA_SSL_CA_FILE: set, but KAFKA_SSL is false']);
  });

  it('refuse unknown values', () => {
    expect(problems({ KAFKA_SSL: 'yes' }).map((problem) => problem.split(':')[0])).toEqual(['KAFKA_SSL']);
    expect(problems({ KAFKA_SASL_MECHANISM: 'plain' }).map((problem) => problem.split(':')[0])).toEqual(['KAFKA_SASL_MECHANISM']);
  });
});

describe('Kafka connection security', () => {
  it('maps TLS with the cluster CA and SCRAM-SHA-512 to the kafkajs options', () => {
    const read: string[] = [];
    const security = kafkaSecurityFromEnv(parse(CLUSTER), (path) => (read.push(path), CA));
    expect(read).toEqual(['/etc/political-system/kafka-ca/ca.crt']);
    expect(kafkaClientSecurityOptions(security)).toEqual({
      ssl: { ca: [CA] },
      sasl: { mechanism: 'scram-sha-512', username: 'personnel', password: 'from-the-kafkauser-secret' },
    });
  });

  it('uses Node’s roots for TLS without a CA file', () => {
    const security = kafkaSecurityFromEnv(parse({ KAFKA_SSL: 'true' }), () => {
      throw new Error('no file should be read');
    });
    expect(kafkaClientSecurityOptions(security)).toEqual({ ssl: true });
  });

  it('allows SCRAM over plaintext (a listener without TLS)', () => {
    const env = parse({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'reform', KAFKA_PASSWORD: 'secret' });
    expect(kafkaClientSecurityOptions(kafkaSecurityFromEnv(env))).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'reform', password: 'secret' },
    });
  });

  it('stops at start, naming KAFKA_SSL_CA_FILE, when the CA file cannot be read or holds no certificate', () => {
    const missing = () =>
      kafkaSecurityFromEnv(parse(CLUSTER), () => {
        throw new Error('ENOENT: no such file or directory');
      });
    expect(missing).toThrow(KafkaSecurityConfigError);
    expect(missing).toThrow(/KAFKA_SSL_CA_FILE: cannot read \/etc\/political-system\/kafka-ca\/ca.crt \(ENOENT/);
    expect(() => kafkaSecurityFromEnv(parse(CLUSTER), () => '')).toThrow(/KAFKA_SSL_CA_FILE: .* holds no PEM certificate/);
  });

  it('refuses SCRAM without a password even when the variables were not validated first', () => {
    const unvalidated: KafkaSecurityEnv = { KAFKA_SSL: false, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'reform' };
    expect(() => kafkaSecurityFromEnv(unvalidated)).toThrow(/KAFKA_PASSWORD: required/);
  });
});
