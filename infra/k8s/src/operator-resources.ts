import { check, field, objectId, ofKind, type Check, type K8sObject } from './manifest';
import { subgraphPorts } from './workloads';

const expectedTopics = Object.keys(subgraphPorts).flatMap((s) => [`${s}.events.v1`, `${s}.events.v1.dlq`]);
const inCluster = (x: K8sObject, k: K8sObject) => x.metadata.namespace === k.metadata.namespace && x.metadata.labels?.['strimzi.io/cluster'] === k.metadata.name;
type Pool = { roles: string[]; replicas: number; storage: { deleteClaim?: boolean; volumes?: { deleteClaim?: boolean }[] } };
const poolOf = (p: K8sObject) => p.spec as unknown as Pool;

function kafkaReplication(k: K8sObject, brokers: number): Check[] {
  const at = objectId(k);
  const cfg = field<Record<string, unknown>>(k, 'spec', 'kafka', 'config') ?? {};
  const factors = ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor'];
  return [
    ...factors.map((key) => check(Number(cfg[key]) <= brokers, `${at}: ${key} ${cfg[key]} > ${brokers} brokers`)),
    check(Number(cfg['min.insync.replicas']) <= Number(cfg['default.replication.factor']), `${at}: min.insync.replicas > default.replication.factor`),
    check(Number(cfg['transaction.state.log.min.isr']) <= Number(cfg['transaction.state.log.replication.factor']), `${at}: transaction.state.log.min.isr > its replication factor`),
    check(String(cfg['auto.create.topics.enable']) === 'false', `${at}: auto.create.topics.enable is not false`),
  ];
}

function kafkaTopics(objects: K8sObject[], k: K8sObject, brokers: number): Check[] {
  const topics = ofKind(objects, 'KafkaTopic').filter((t) => inCluster(t, k));
  const nameOf = (t: K8sObject) => field<string>(t, 'spec', 'topicName') ?? t.metadata.name;
  return [
    ...expectedTopics.map((t) => check(topics.some((x) => nameOf(x) === t), `${objectId(k)}: topic ${t} is not declared`)),
    ...topics.flatMap((t) => {
      const replicas = Number(field(t, 'spec', 'replicas'));
      return [
        check(replicas <= brokers, `${objectId(t)}: ${replicas} replicas for ${brokers} brokers`),
        check(Number(field(t, 'spec', 'config', 'min.insync.replicas') ?? 1) <= replicas, `${objectId(t)}: min.insync.replicas > replicas`),
      ];
    }),
  ];
}

/** KRaft Kafka with controller and broker pools, replication within the brokers, every topic declared. */
export function kafkaIsConsistent(objects: K8sObject[]): Check[] {
  const kafkas = ofKind(objects, 'Kafka');
  const perCluster = kafkas.flatMap((k) => {
    const pools = ofKind(objects, 'KafkaNodePool').filter((p) => inCluster(p, k));
    const brokers = pools.filter((p) => poolOf(p).roles.includes('broker')).reduce((n, p) => n + poolOf(p).replicas, 0);
    return [
      check(k.apiVersion === 'kafka.strimzi.io/v1', `${objectId(k)}: apiVersion ${k.apiVersion}, expected kafka.strimzi.io/v1`),
      check(pools.some((p) => poolOf(p).roles.includes('controller')), `${objectId(k)}: no controller node pool`),
      check(brokers > 0, `${objectId(k)}: no broker node pool`),
      ...pools.flatMap((p) => (poolOf(p).storage.volumes ?? [poolOf(p).storage]).map((v) =>
        check(v.deleteClaim !== true, `${objectId(p)}: deletes its volumes with the cluster`))),
      ...kafkaReplication(k, brokers),
      ...kafkaTopics(objects, k, brokers),
    ];
  });
  const strimziKinds = ['KafkaTopic', 'KafkaNodePool', 'KafkaUser'].flatMap((kind) => ofKind(objects, kind));
  return [...perCluster, ...strimziKinds.map((x) => check(kafkas.some((k) => inCluster(x, k)),
    `${objectId(x)}: names Kafka ${x.metadata.labels?.['strimzi.io/cluster']}, which is not declared in its namespace`))];
}

type Role = { name: string; ensure?: string; login?: boolean; passwordSecret?: { name: string } };
const rolesOf = (c: K8sObject | undefined) => field<Role[]>(c, 'spec', 'managed', 'roles') ?? [];

/** Each CloudNativePG Database belongs to a declared cluster and a managed login role; none is dropped with its resource. */
export function databasesAreConsistent(objects: K8sObject[]): Check[] {
  const clusters = ofKind(objects, 'Cluster');
  const databases = ofKind(objects, 'Database');
  const perDatabase = databases.flatMap((db) => {
    const cluster = clusters.find((c) => c.metadata.name === field(db, 'spec', 'cluster', 'name') && c.metadata.namespace === db.metadata.namespace);
    const owner = field<string>(db, 'spec', 'owner');
    return [
      check(cluster, `${objectId(db)}: cluster ${field(db, 'spec', 'cluster', 'name')} is not declared in its namespace`),
      check(rolesOf(cluster).some((r) => r.name === owner && r.ensure !== 'absent' && r.login), `${objectId(db)}: owner ${owner} is not a managed login role`),
      check(field(db, 'spec', 'databaseReclaimPolicy') !== 'delete', `${objectId(db)}: deletes the database with the resource`),
    ];
  });
  const wanted = clusters.length ? [...Object.keys(subgraphPorts), 'keycloak'] : [];
  return [...perDatabase, ...wanted.map((s) => check(databases.some((d) => field(d, 'spec', 'name') === s), `no Database for ${s}`))];
}

/** Keycloak on v2beta1 with an https hostname and its database on the CNPG cluster declared here. */
export function keycloakIsConsistent(objects: K8sObject[]): Check[] {
  return ofKind(objects, 'Keycloak').flatMap((kc) => {
    const at = objectId(kc);
    const host = field<string>(kc, 'spec', 'db', 'host');
    const database = field<string>(kc, 'spec', 'db', 'database');
    return [
      check(kc.apiVersion === 'k8s.keycloak.org/v2beta1', `${at}: apiVersion ${kc.apiVersion}, expected k8s.keycloak.org/v2beta1`),
      check(/^https:\/\//.test(field<string>(kc, 'spec', 'hostname', 'hostname') ?? ''), `${at}: hostname is not an https URL`),
      check(ofKind(objects, 'Cluster').some((c) => [`${c.metadata.name}-rw`, `${c.metadata.name}-pooler-rw`].includes(host ?? '') || ofKind(objects, 'Pooler').some((p) => p.metadata.name === host)),
        `${at}: db.host ${host} is not the -rw Service or a Pooler of a declared CNPG cluster`),
      check(ofKind(objects, 'Database').some((d) => field(d, 'spec', 'name') === database), `${at}: database ${database} is not declared`),
    ];
  });
}

/** Secrets the operators' resources expect to exist (created by the operator of the cluster). */
export function operatorSecrets(objects: K8sObject[]): Map<string, string> {
  const secrets = new Map<string, string>();
  const add = (o: K8sObject, name: string | undefined, why: string) => { if (name) secrets.set(`${o.metadata.namespace}/${name}`, `${objectId(o)} ${why}`); };
  for (const c of ofKind(objects, 'Cluster')) for (const r of rolesOf(c)) add(c, r.passwordSecret?.name, `role ${r.name}`);
  for (const kc of ofKind(objects, 'Keycloak')) {
    add(kc, field(kc, 'spec', 'db', 'usernameSecret', 'name'), 'db');
    add(kc, field(kc, 'spec', 'db', 'passwordSecret', 'name'), 'db');
    add(kc, field(kc, 'spec', 'http', 'tlsSecret'), 'TLS');
    add(kc, field(kc, 'spec', 'ingress', 'tlsSecret'), 'TLS');
  }
  type Listener = { tls?: { certificateRefs?: { name: string; kind?: string }[] } };
  for (const gw of ofKind(objects, 'Gateway')) {
    for (const l of field<Listener[]>(gw, 'spec', 'listeners') ?? []) {
      for (const ref of l.tls?.certificateRefs ?? []) if ((ref.kind ?? 'Secret') === 'Secret') add(gw, ref.name, 'TLS');
    }
  }
  for (const ing of ofKind(objects, 'Ingress')) {
    for (const t of field<{ secretName?: string }[]>(ing, 'spec', 'tls') ?? []) add(ing, t.secretName, 'TLS');
  }
  return secrets;
}
