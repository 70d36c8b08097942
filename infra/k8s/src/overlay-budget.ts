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

/** DATABASE_POOL_SIZE of a Deployment: its own env, else its ConfigMaps, else service-kit's default 10. */
function poolSizeOf(objects: KubeObject[], deployment: KubeObject): number {
  const container = field(deployment, 'spec', 'template', 'spec', 'containers', 0);
  const env = (field(container, 'env') ?? []) as Array<{ name: string; value?: string }>;
  const direct = env.find((variable) => variable.name === 'DATABASE_POOL_SIZE')?.value;
  if (direct !== undefined) return Number(direct);
  const sources = (field(container, 'envFrom') ?? []) as Array<{ configMapRef?: { name: string } }>;
  const fromMaps = sources
    .map((source) => source.configMapRef && named(objects, 'ConfigMap', source.configMapRef.name))
    .map((map) => field(map, 'data', 'DATABASE_POOL_SIZE'))
    .filter((value) => value !== undefined);
  return numberOr(fromMaps.at(-1), 10);
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
      return { name, maxReplicas: Number(field(hpa, 'spec', 'maxReplicas')), poolSize: poolSizeOf(objects, deployment), role: ownerOf(objects, name) };
    });
}

/** A rolling update's maxSurge as a pod count (Kubernetes' default 25%, rounded up). */
function surgeOf(maxSurge: unknown, instances: number): number {
  const text = String(maxSurge ?? '25%');
  return text.endsWith('%') ? Math.ceil((instances * Number(text.slice(0, -1))) / 100) : Number(text);
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
