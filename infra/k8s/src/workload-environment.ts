import { check, field, findObject, ofKind, type Check, type K8sObject } from './manifest';
import { componentOf, containersOf, subgraphPorts, type Container } from './workloads';

/** The variables each process reads at start (services/*, gateway config schemas). */
export const requiredEnv = {
  subgraph: ['PORT', 'DATABASE_URL', 'DATABASE_LISTEN_URL', 'KAFKA_BROKERS', 'KEYCLOAK_URL', 'KEYCLOAK_REALM', 'KEYCLOAK_CLIENT_ID', 'GATEWAY_PROOF_SECRET', 'LOG_LEVEL', 'NODE_ENV', 'GRAPHQL_INTROSPECTION'],
  gateway: ['PORT', 'KEYCLOAK_URL', 'KEYCLOAK_REALM', 'KEYCLOAK_CLIENT_ID', 'KEYCLOAK_CLIENT_SECRET', 'GATEWAY_PROOF_SECRET', 'ORGANIZATION_URL', 'PERSONNEL_URL', 'EVALUATION_URL', 'REFORM_URL', 'LOG_LEVEL', 'GRAPHQL_INTROSPECTION'],
};

type Env = Map<string, string | undefined>;

const secretOf = (c: Container, name: string): string | undefined => c.env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name;

/** What a container sees: envFrom ConfigMaps, then its own env (values only for literals). */
export function environmentOf(objects: K8sObject[], ns: string | undefined, c: Container): { env: Env; checks: Check[] } {
  const env: Env = new Map();
  const checks: Check[] = [];
  for (const from of c.envFrom ?? []) {
    if (!from.configMapRef) continue;
    const cm = findObject(objects, 'ConfigMap', ns, from.configMapRef.name);
    checks.push(check(cm, `container ${c.name}: envFrom ConfigMap ${from.configMapRef.name} is not declared`));
    for (const [k, v] of Object.entries(field<Record<string, string>>(cm, 'data') ?? {})) env.set(k, v);
  }
  for (const e of c.env ?? []) {
    env.set(e.name, e.value);
    const ref = e.valueFrom?.configMapKeyRef;
    if (ref) checks.push(check(field(findObject(objects, 'ConfigMap', ns, ref.name), 'data', ref.key) !== undefined, `container ${c.name}: ${e.name} refers to a missing ConfigMap key`));
  }
  return { env, checks };
}

function gatewayUrls(objects: K8sObject[], ns: string | undefined, env: Env, at: string): Check[] {
  type Port = { port: number };
  return Object.entries(subgraphPorts).flatMap(([subgraph, port]) => {
    const name = `${subgraph.toUpperCase()}_URL`;
    let url: URL;
    try {
      url = new URL(env.get(name) ?? '');
    } catch {
      return [check(false, `${at}: ${name} ${env.get(name)} is not a URL`)];
    }
    const [host, hostNs = ns] = url.hostname.split('.');
    const svc = findObject(objects, 'Service', hostNs, host);
    return [
      check(svc, `${at}: ${name} names Service ${host}, which is not declared`),
      check(!svc || (field<Port[]>(svc, 'spec', 'ports') ?? []).some((p) => p.port === Number(url.port)), `${at}: ${name} port ${url.port} is not a port of Service ${host}`),
      check(url.pathname === '/graphql', `${at}: ${name} does not end in /graphql`),
      check(Number(url.port) === port, `${at}: ${name} should use port ${port}`),
    ];
  });
}

function kafkaBrokers(objects: K8sObject[], env: Env, at: string): Check[] {
  type Listener = { port: number; type: string };
  return (env.get('KAFKA_BROKERS') ?? '').split(',').flatMap((broker) => {
    const [host, port] = broker.split(':');
    const [svc, ns] = host.split('.');
    const kafka = ofKind(objects, 'Kafka').find((k) => `${k.metadata.name}-kafka-bootstrap` === svc && k.metadata.namespace === ns);
    return [
      check(kafka, `${at}: KAFKA_BROKERS ${broker} is not the bootstrap Service of a declared Kafka`),
      check(!kafka || (field<Listener[]>(kafka, 'spec', 'kafka', 'listeners') ?? []).some((l) => l.port === Number(port) && l.type === 'internal'),
        `${at}: KAFKA_BROKERS port ${port} is not an internal listener`),
    ];
  });
}

/** Every variable each process reads is provided, and the addresses point at what is declared here. */
export function workloadsGetTheirEnvironment(objects: K8sObject[]): Check[] {
  return containersOf(objects).filter((c) => !c.init).flatMap(({ deployment, container, at }) => {
    const ns = deployment.metadata.namespace;
    const component = componentOf(deployment) === 'gateway' ? 'gateway' : 'subgraph';
    const { env, checks } = environmentOf(objects, ns, container);
    const http = (container.ports ?? []).find((p) => p.name === 'http');
    const keycloak = ofKind(objects, 'Keycloak')[0];
    return [
      ...checks.map((c) => ({ ...c, message: `${at}: ${c.message}` })),
      ...requiredEnv[component].map((n) => check(env.has(n), `${at}: ${n} is not set`)),
      check(env.get('GRAPHQL_INTROSPECTION') === 'false', `${at}: GRAPHQL_INTROSPECTION is not "false"`),
      check(http && env.get('PORT') === String(http.containerPort), `${at}: PORT ${env.get('PORT')} differs from the http container port`),
      check(!keycloak || env.get('KEYCLOAK_URL') === field(keycloak, 'spec', 'hostname', 'hostname'), `${at}: KEYCLOAK_URL ${env.get('KEYCLOAK_URL')} differs from the Keycloak hostname`),
      ...(component === 'gateway' ? gatewayUrls(objects, ns, env, at) : [
        check(subgraphPorts[deployment.metadata.name] === http?.containerPort, `${at}: ${deployment.metadata.name} should listen on ${subgraphPorts[deployment.metadata.name]}`),
        check(env.get('NODE_ENV') === 'production', `${at}: NODE_ENV is not production`),
        // the two URLs carry the same role's password: one Secret, rotated at once
        check(!env.has('DATABASE_LISTEN_URL') || secretOf(container, 'DATABASE_LISTEN_URL') === secretOf(container, 'DATABASE_URL'),
          `${at}: DATABASE_LISTEN_URL and DATABASE_URL come from different Secrets`),
        ...(ofKind(objects, 'Kafka').length ? kafkaBrokers(objects, env, at) : []),
      ]),
    ];
  });
}

/** Names of the Secrets the workloads read (the operator creates them; README must say so). */
export function workloadSecrets(objects: K8sObject[]): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const { deployment, container, at } of containersOf(objects)) {
    const ns = deployment.metadata.namespace;
    for (const from of container.envFrom ?? []) if (from.secretRef) secrets.set(`${ns}/${from.secretRef.name}`, `${at} envFrom`);
    for (const e of container.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) secrets.set(`${ns}/${ref.name}`, `${at} ${e.name}`);
    }
  }
  return secrets;
}
