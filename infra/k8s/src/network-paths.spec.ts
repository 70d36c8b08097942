import { networkAllows, type Pod } from './network-paths';
import { deployableTargets } from './render';
import { copyOf, pick } from './testing/planting';
import { podLabelsOf, subgraphPorts } from './workloads';
import type { K8sObject } from './manifest';

const platform = 'political-system-platform';
// The labels CloudNativePG puts on its pods (they are not rendered here).
const primary: Pod = { namespace: platform, labels: { 'cnpg.io/cluster': 'platform-db', 'cnpg.io/podRole': 'instance', 'cnpg.io/instanceRole': 'primary' } };
const pooler: Pod = { namespace: platform, labels: { 'cnpg.io/cluster': 'platform-db', 'cnpg.io/podRole': 'pooler', 'cnpg.io/poolerName': 'platform-db-pooler-rw' } };

const podOf = (objects: K8sObject[], deployment: string): Pod =>
  ({ namespace: 'political-system', labels: podLabelsOf(pick(objects, 'Deployment', deployment)) });

describe.each(deployableTargets().filter((t) => t.startsWith('overlays/')))('%s: the paths to PostgreSQL', (target) => {
  const objects = copyOf(target);
  const gateway = podOf(objects, 'gateway');

  it.each(Object.keys(subgraphPorts))('%s reaches the pooler, and the instances directly on 5432 only (its LISTEN)', (subgraph) => {
    const pod = podOf(objects, subgraph);
    expect(networkAllows(objects, pod, pooler, 5432)).toBe(true);
    expect(networkAllows(objects, pod, primary, 5432)).toBe(true);
    expect(networkAllows(objects, pod, primary, 8000)).toBe(false);
  });

  it('the gateway reaches neither the pooler nor the instances', () => {
    expect(networkAllows(objects, gateway, pooler, 5432)).toBe(false);
    expect(networkAllows(objects, gateway, primary, 5432)).toBe(false);
  });
});

describe('a missing half of the direct path is caught', () => {
  it('the instances’ ingress without the subgraphs', () => {
    const objects = copyOf('overlays/production');
    const policy = pick(objects, 'NetworkPolicy', 'postgres-ingress');
    const spec = policy.spec as { ingress: Array<{ from?: Array<{ podSelector?: { matchLabels?: Record<string, string> } }> }> };
    spec.ingress = spec.ingress.filter((rule) => !(rule.from ?? []).some((peer) => peer.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'subgraph'));
    expect(networkAllows(objects, podOf(objects, 'reform'), primary, 5432)).toBe(false);
    expect(networkAllows(objects, podOf(objects, 'reform'), pooler, 5432)).toBe(true);
  });

  it('the subgraphs’ egress without the instances', () => {
    const objects = copyOf('overlays/production');
    const policy = pick(objects, 'NetworkPolicy', 'egress-subgraph-data');
    const spec = policy.spec as { egress: Array<{ to?: Array<{ podSelector?: { matchLabels?: Record<string, string> } }> }> };
    spec.egress = spec.egress.filter((rule) => !(rule.to ?? []).some((peer) => peer.podSelector?.matchLabels?.['cnpg.io/cluster'] === 'platform-db'));
    expect(networkAllows(objects, podOf(objects, 'organization'), primary, 5432)).toBe(false);
    expect(networkAllows(objects, podOf(objects, 'organization'), pooler, 5432)).toBe(true);
  });
});
