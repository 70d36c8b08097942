import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { OPERATOR_HEADROOM, type ConnectionBudgetInput, type PoolerSizes, type SubgraphDemand } from './connection-budget';

/** A rendered Kubernetes object, read through `field`. */
export type KubeObject = Record<string, unknown>;

/** The infra/k8s folder. */
export const K8S_DIR = join(__dirname, '..');

/** The objects `kubectl kustomize` renders for an overlay (kubectl on PATH). */
export function renderOverlay(overlay: string): KubeObject[] {
  const text = execFileSync('kubectl', ['kustomize', join(K8S_DIR, 'overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(text)
    .map((document) => document.toJS() as unknown)
    .filter((object): object is KubeObject => typeof object === 'object' && object !== null);
}

/** The value at `path` inside `object`, or undefined. */
export function field(object: unknown, ...path: Array<string | number>): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const numberOr = (value: unknown, fallback: number): number => (value === undefined ? fallback : Number(value));
const ofKind = (objects: KubeObject[], kind: string) => objects.filter((object) => object.kind === kind);
const named = (objects: KubeObject[], kind: string, name: string) => ofKind(objects, kind).find((object) => field(object, 'metadata', 'name') === name);

/** Thrown when an overlay lacks an object the budget is computed from. */
export class MissingObjectError extends Error {
  constructor(readonly what: string) {
    super(`the rendered overlay has no ${what}`);
    this.name = 'MissingObjectError';
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingObjectError(what);
  return value;
}

/** A literal variable of a Deployment's container: its own env, else its ConfigMaps (the last wins). */
function literalEnvOf(objects: KubeObject[], deployment: KubeObject, name: string): string | undefined {
  const container = field(deployment, 'spec', 'template', 'spec', 'containers', 0);
  const env = (field(container, 'env') ?? []) as Array<{ name: string; value?: string }>;
  const direct = env.find((variable) => variable.name === name)?.value;
  if (direct !== undefined) return direct;
  const sources = (field(container, 'envFrom') ?? []) as Array<{ configMapRef?: { name: string } }>;
  const fromMaps = sources
    .map((source) => source.configMapRef && named(objects, 'ConfigMap', source.configMapRef.name))
    .map((map) => field(map, 'data', name))
    .filter((value) => value !== undefined);
  const last = fromMaps.at(-1);
  return last === undefined ? undefined : String(last);
}

/** The owner of the CloudNativePG Database named `database`: the role that logs in to it. */
function ownerOf(objects: KubeObject[], database: string): string {
  const found = ofKind(objects, 'Database').find((object) => field(object, 'spec', 'name') === database);
  return String(required(field(found, 'spec', 'owner'), `Database ${database}`));
}

function subgraphDemands(objects: KubeObject[]): SubgraphDemand[] {
  return ofKind(objects, 'HorizontalPodAutoscaler')
    .filter((hpa) => field(hpa, 'metadata', 'labels', 'app.kubernetes.io/component') === 'subgraph')
    .map((hpa) => {
      const name = String(field(hpa, 'spec', 'scaleTargetRef', 'name'));
      const deployment = required(named(objects, 'Deployment', name), `Deployment ${name}`);
      const maxReplicas = Number(field(hpa, 'spec', 'maxReplicas'));
      const strategy = field(deployment, 'spec', 'strategy');
      return {
        name,
        maxReplicas,
        maxSurge: field(strategy, 'type') === 'Recreate' ? 0 : surgeOf(field(strategy, 'rollingUpdate', 'maxSurge'), maxReplicas),
        // service-kit's defaults: 10 connections; the relay listens unless OUTBOX_WAKE_ON_COMMIT=false
        poolSize: numberOr(literalEnvOf(objects, deployment, 'DATABASE_POOL_SIZE'), 10),
        listenConnections: literalEnvOf(objects, deployment, 'OUTBOX_WAKE_ON_COMMIT') === 'false' ? 0 : 1,
        role: ownerOf(objects, name),
      };
    });
}

/** A rolling update's maxSurge as a pod count (Kubernetes' default 25%, rounded up). */
function surgeOf(maxSurge: unknown, pods: number): number {
  const text = String(maxSurge ?? '25%');
  return text.endsWith('%') ? Math.ceil((pods * Number(text.slice(0, -1))) / 100) : Number(text);
}

/** The Pooler's sizes, PgBouncer's own defaults where a parameter is not set. */
export function poolerSizes(pooler: KubeObject): PoolerSizes {
  const parameter = (name: string) => field(pooler, 'spec', 'pgbouncer', 'parameters', name);
  const instances = numberOr(field(pooler, 'spec', 'instances'), 1);
  const maxUser = numberOr(parameter('max_user_connections'), 0);
  return {
    instances,
    maxSurge: surgeOf(field(pooler, 'spec', 'deploymentStrategy', 'rollingUpdate', 'maxSurge'), instances),
    maxClientConn: numberOr(parameter('max_client_conn'), 100),
    defaultPoolSize: numberOr(parameter('default_pool_size'), 20),
    reservePoolSize: numberOr(parameter('reserve_pool_size'), 0),
    maxUserConnections: maxUser === 0 ? null : maxUser,
  };
}

/** The budget's figures as an overlay's objects set them. */
export function budgetInputOf(objects: KubeObject[], clusterName = 'platform-db'): ConnectionBudgetInput {
  const cluster = required(named(objects, 'Cluster', clusterName), `Cluster ${clusterName}`);
  const pooler = required(
    ofKind(objects, 'Pooler').find((object) => field(object, 'spec', 'cluster', 'name') === clusterName),
    `Pooler of ${clusterName}`,
  );
  const keycloak = required(ofKind(objects, 'Keycloak')[0], 'Keycloak');
  const parameters = (name: string) => field(cluster, 'spec', 'postgresql', 'parameters', name);
  const roles = (field(cluster, 'spec', 'managed', 'roles') ?? []) as Array<{ name: string; connectionLimit?: number }>;
  return {
    subgraphs: subgraphDemands(objects),
    pooler: poolerSizes(pooler),
    keycloak: {
      instances: numberOr(field(keycloak, 'spec', 'instances'), 1),
      poolMaxSize: numberOr(field(keycloak, 'spec', 'db', 'poolMaxSize'), 100),
      role: ownerOf(objects, String(field(keycloak, 'spec', 'db', 'database'))),
    },
    postgres: {
      maxConnections: numberOr(parameters('max_connections'), 100),
      superuserReservedConnections: numberOr(parameters('superuser_reserved_connections'), 3),
      roleLimits: Object.fromEntries(roles.map((role) => [role.name, (role.connectionLimit ?? -1) < 0 ? null : Number(role.connectionLimit)])),
    },
    headroom: OPERATOR_HEADROOM,
  };
}
