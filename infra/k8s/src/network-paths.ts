import { field, ofKind, type K8sObject } from './manifest';
import { selects, type LabelSelector, type Labels } from './workloads';

/** A pod as NetworkPolicies see it. Operators' pods are not rendered, so tests name their labels. */
export interface Pod {
  namespace: string;
  labels: Labels;
}

interface Peer { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: unknown }
interface PolicyPort { protocol?: string; port?: number | string; endPort?: number }
interface Rule { from?: Peer[]; to?: Peer[]; ports?: PolicyPort[] }
type Direction = 'Ingress' | 'Egress';

/** A namespace's labels: the rendered Namespace's, plus the name label the API server sets on every one. */
function namespaceLabels(objects: K8sObject[], namespace: string): Labels {
  const declared = ofKind(objects, 'Namespace').find((ns) => ns.metadata.name === namespace);
  return { ...declared?.metadata.labels, 'kubernetes.io/metadata.name': namespace };
}

function peerMatches(objects: K8sObject[], peer: Peer, policyNamespace: string, pod: Pod): boolean {
  if (peer.ipBlock) return false; // pod-to-pod traffic is matched by selectors, not addresses
  const inNamespace = peer.namespaceSelector
    ? selects(peer.namespaceSelector, namespaceLabels(objects, pod.namespace))
    : pod.namespace === policyNamespace;
  return inNamespace && (!peer.podSelector || selects(peer.podSelector, pod.labels));
}

const portMatches = (ports: PolicyPort[] | undefined, port: number): boolean =>
  !ports?.length || ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && (p.port === undefined || p.port === port ||
    (typeof p.port === 'number' && p.endPort !== undefined && p.port <= port && port <= p.endPort)));

/** Whether the policies isolating `pod` in one direction let `peer` through on TCP `port` (none isolating: yes). */
function sideAllows(objects: K8sObject[], direction: Direction, pod: Pod, peer: Pod, port: number): boolean {
  const policies = ofKind(objects, 'NetworkPolicy').filter((p) => p.metadata.namespace === pod.namespace &&
    (field<string[]>(p, 'spec', 'policyTypes') ?? []).includes(direction) && selects(field<LabelSelector>(p, 'spec', 'podSelector'), pod.labels));
  if (policies.length === 0) return true;
  const rulesKey = direction === 'Ingress' ? 'ingress' : 'egress';
  return policies.some((p) => (field<Rule[]>(p, 'spec', rulesKey) ?? []).some((rule) => {
    const peers = (direction === 'Ingress' ? rule.from : rule.to) ?? [];
    return portMatches(rule.ports, port) && (peers.length === 0 || peers.some((q) => peerMatches(objects, q, pod.namespace, peer)));
  }));
}

/** Whether the NetworkPolicies let `from` open a TCP connection to `to` on `port`: egress of one and ingress of the other. */
export function networkAllows(objects: K8sObject[], from: Pod, to: Pod, port: number): boolean {
  return sideAllows(objects, 'Egress', from, to, port) && sideAllows(objects, 'Ingress', to, from, port);
}
