import { connectionBudget, type BudgetLine } from '../src/connection-budget';
import { budgetInputOf, field, renderOverlay, type KubeObject } from '../src/overlay-budget';

const OVERLAYS = ['staging', 'production'];
const rendered = new Map(OVERLAYS.map((overlay) => [overlay, renderOverlay(overlay)]));

/** A deep copy of an overlay's objects, changed by `edit` on the first object of `kind` named `name`. */
function edited(overlay: string, kind: string, name: string, edit: (object: KubeObject) => void): KubeObject[] {
  const objects = structuredClone(rendered.get(overlay) ?? []);
  const target = objects.find((object) => object.kind === kind && field(object, 'metadata', 'name') === name);
  if (!target) throw new Error(`${overlay} renders no ${kind} ${name}`);
  edit(target);
  return objects;
}

const overBudget = (lines: BudgetLine[]) => lines.filter((line) => !line.fits).map((line) => line.rule);

describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  const objects = rendered.get(overlay) ?? [];
  const input = budgetInputOf(objects);

  it('fits every rule of the connection budget at the HPA maxima', () => {
    expect(overBudget(connectionBudget(input))).toEqual([]);
  });

  it('counts the four subgraphs, each logging in as its own role', () => {
    expect(input.subgraphs.map((subgraph) => [subgraph.name, subgraph.role]).sort()).toEqual([
      ['evaluation', 'evaluation'],
      ['organization', 'organization'],
      ['personnel', 'personnel'],
      ['reform', 'reform'],
    ]);
  });

  it('pools in transaction mode, in front of the primary', () => {
    const pooler = objects.find((object) => object.kind === 'Pooler');
    expect(field(pooler, 'spec', 'pgbouncer', 'poolMode')).toBe('transaction');
    expect(field(pooler, 'spec', 'type')).toBe('rw');
  });

  it('lets the subgraphs reach the pooler, and the instances (the relay’s LISTEN), on 5432 only', () => {
    const egress = objects.find((object) => field(object, 'metadata', 'name') === 'egress-subgraph-data');
    type Rule = { to: Array<{ podSelector?: { matchLabels?: Record<string, string> } }>; ports: Array<{ port: number }> };
    const peers = (field(egress, 'spec', 'egress') as Rule[])
      .filter((rule) => rule.ports.every((port) => port.port === 5432))
      .flatMap((rule) => rule.to)
      .map((peer) => peer.podSelector?.matchLabels ?? {});
    expect(peers).toEqual([
      { 'cnpg.io/poolerName': 'platform-db-pooler-rw' },
      { 'cnpg.io/cluster': 'platform-db', 'cnpg.io/podRole': 'instance' },
    ]);
  });
});

describe('the production budget', () => {
  const lines = connectionBudget(budgetInputOf(rendered.get('production') ?? []));

  it('gives 4 subgraphs × 8 pods × 10 = 320 clients to a pooler pod taking 1000', () => {
    expect(lines[0]).toMatchObject({ need: 320, limit: 1000, fits: true });
  });

  it('gives each role 3 pooler pods × 15 + (8 + 1 surge) pods × 1 LISTEN = 54 of its 54', () => {
    expect(lines.filter((line) => line.rule.startsWith('role ') && !line.rule.startsWith('role keycloak')))
      .toEqual(Array(4).fill(expect.objectContaining({ need: 54, limit: 54, fits: true })));
  });

  it('needs 4 × 54 + 40 (Keycloak) + 3 × 15 (auth_query) + 10 = 311 of the 327 non-superuser connections', () => {
    expect(lines.at(-1)).toMatchObject({ need: 311, limit: 327, fits: true });
  });

  it('breaks when a subgraph may scale past its role’s limit, one LISTEN connection per pod', () => {
    const objects = edited('production', 'HorizontalPodAutoscaler', 'organization', (hpa) => {
      (hpa.spec as { maxReplicas: number }).maxReplicas = 9;
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual([expect.stringMatching(/^role organization:/)]);
  });

  it('counts no LISTEN connection when OUTBOX_WAKE_ON_COMMIT is false', () => {
    const objects = edited('production', 'Deployment', 'reform', (deployment) => {
      const env = field(deployment, 'spec', 'template', 'spec', 'containers', 0, 'env') as Array<{ name: string; value?: string }>;
      env.push({ name: 'OUTBOX_WAKE_ON_COMMIT', value: 'false' });
    });
    expect(connectionBudget(budgetInputOf(objects)).find((line) => line.rule.startsWith('role reform:'))).toMatchObject({ need: 45 });
  });

  it('breaks when a subgraph may scale past what one pooler pod takes (and its role, by its LISTEN connections)', () => {
    const objects = edited('production', 'HorizontalPodAutoscaler', 'organization', (hpa) => {
      (hpa.spec as { maxReplicas: number }).maxReplicas = 80;
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual([expect.stringMatching(/^clients:/), expect.stringMatching(/^role organization:/)]);
  });

  it('breaks when PgBouncer may open unbounded connections per role (max_user_connections unset)', () => {
    const objects = edited('production', 'Pooler', 'platform-db-pooler-rw', (pooler) => {
      delete (field(pooler, 'spec', 'pgbouncer', 'parameters') as Record<string, string>).max_user_connections;
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^role organization:/), expect.stringMatching(/^role reform:/), expect.stringMatching(/^postgres:/)]),
    );
  });

  it('breaks when Keycloak keeps its default pool of 100 per instance', () => {
    const objects = edited('production', 'Keycloak', 'platform-keycloak', (keycloak) => {
      delete (field(keycloak, 'spec', 'db') as Record<string, unknown>).poolMaxSize;
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual([expect.stringMatching(/^role keycloak:/)]);
  });

  it('breaks when max_connections is lowered below the roles’ limits', () => {
    const objects = edited('production', 'Cluster', 'platform-db', (cluster) => {
      (field(cluster, 'spec', 'postgresql', 'parameters') as Record<string, string>).max_connections = '250';
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual([expect.stringMatching(/^postgres:/)]);
  });

  it('breaks when a role has no connection limit', () => {
    const objects = edited('production', 'Cluster', 'platform-db', (cluster) => {
      delete (field(cluster, 'spec', 'managed', 'roles', 0) as Record<string, unknown>).connectionLimit;
    });
    expect(overBudget(connectionBudget(budgetInputOf(objects)))).toEqual([expect.stringMatching(/^postgres:/)]);
  });
});
