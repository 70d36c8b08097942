/**
 * The PostgreSQL connection budget of one overlay: every subgraph at its HPA maximum, through
 * PgBouncer in transaction mode plus each pod's direct LISTEN connection, and Keycloak directly,
 * must fit `max_connections`, and each layer's cap must be enforced by the layer below it.
 */

/**
 * A subgraph at its HPA maximum, each pod opening at most `poolSize` connections to the pooler
 * and `listenConnections` straight to PostgreSQL (the outbox relay's LISTEN, which transaction
 * pooling does not carry).
 */
export interface SubgraphDemand {
  name: string;
  maxReplicas: number;
  /** Extra pods during a rolling update (the Deployment's strategy.rollingUpdate.maxSurge). */
  maxSurge: number;
  poolSize: number;
  listenConnections: number;
  /** The PostgreSQL role it logs in as (the owner of its Database). */
  role: string;
}

/** The Pooler's sizes; counts are per PgBouncer pod. */
export interface PoolerSizes {
  instances: number;
  /** Extra pods during a rolling update (deploymentStrategy.rollingUpdate.maxSurge). */
  maxSurge: number;
  maxClientConn: number;
  defaultPoolSize: number;
  reservePoolSize: number;
  /** Server connections one role may hold on one pod; null when unbounded (0 in PgBouncer). */
  maxUserConnections: number | null;
}

export interface ConnectionBudgetInput {
  subgraphs: SubgraphDemand[];
  pooler: PoolerSizes;
  keycloak: { instances: number; poolMaxSize: number; role: string };
  postgres: {
    maxConnections: number;
    superuserReservedConnections: number;
    /** CONNECTION LIMIT per login role; null when unlimited. */
    roleLimits: Record<string, number | null>;
  };
  /** Connections kept free for the operator's instance manager and administrators. */
  headroom: number;
}

/** One rule of the budget: `need` must not exceed `limit`. */
export interface BudgetLine {
  rule: string;
  need: number;
  limit: number;
  fits: boolean;
}

/** Connections kept free for the CloudNativePG instance manager and an administrator's psql. */
export const OPERATOR_HEADROOM = 10;

const line = (rule: string, need: number, limit: number): BudgetLine => ({ rule, need, limit, fits: need <= limit });

/** Every rule of the budget with its figures; the overlay fits when every line fits. */
export function connectionBudget(input: ConnectionBudgetInput): BudgetLine[] {
  const { pooler, postgres, keycloak } = input;
  const poolerPods = pooler.instances + pooler.maxSurge;
  const perRole = pooler.maxUserConnections ?? Number.POSITIVE_INFINITY;
  const limitOf = (role: string) => postgres.roleLimits[role] ?? Number.POSITIVE_INFINITY;
  const clients = input.subgraphs.reduce((sum, subgraph) => sum + subgraph.maxReplicas * subgraph.poolSize, 0);
  const lines = [
    line('clients: Σ subgraph maxReplicas × DATABASE_POOL_SIZE ≤ max_client_conn of one pooler pod', clients, pooler.maxClientConn),
    line('pooler: default_pool_size + reserve_pool_size ≤ max_user_connections', pooler.defaultPoolSize + pooler.reservePoolSize, perRole),
    ...input.subgraphs.map((subgraph) =>
      line(
        `role ${subgraph.role}: (pooler instances + surge) × max_user_connections + (maxReplicas + surge) × LISTEN connections ≤ its connectionLimit`,
        poolerPods * perRole + (subgraph.maxReplicas + subgraph.maxSurge) * subgraph.listenConnections,
        limitOf(subgraph.role),
      ),
    ),
    line(`role ${keycloak.role}: Keycloak instances × poolMaxSize ≤ its connectionLimit`, keycloak.instances * keycloak.poolMaxSize, limitOf(keycloak.role)),
  ];
  const roles = new Set([...input.subgraphs.map((subgraph) => subgraph.role), keycloak.role]);
  const roleConnections = [...roles].reduce((sum, role) => sum + limitOf(role), 0);
  // PgBouncer's auth_query runs as its own user, capped like any other on each pod.
  const authQuery = poolerPods * perRole;
  lines.push(
    line(
      'postgres: Σ role connectionLimit + pooler auth_query + headroom ≤ max_connections − superuser_reserved_connections',
      roleConnections + authQuery + input.headroom,
      postgres.maxConnections - postgres.superuserReservedConnections,
    ),
  );
  return lines;
}
