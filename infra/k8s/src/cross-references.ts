import { check, field, findObject, objectId, ofKind, type Check, type K8sObject } from './manifest';
import { deploymentsOf, podLabelsOf, podSpecOf, selects, selectsByMap, type LabelSelector, type Labels } from './workloads';

const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'IngressClass', 'ClusterIssuer', 'GatewayClass']);

/** Names are unique and every namespaced object lives in a namespace declared here. */
export function objectsAreWellPlaced(objects: K8sObject[]): Check[] {
  const namespaces = new Set(ofKind(objects, 'Namespace').map((n) => n.metadata.name));
  const ids = objects.map(objectId);
  return objects.flatMap((o, i) => [
    check(ids.indexOf(ids[i]) === i, `${ids[i]} is declared twice`),
    ...(clusterScoped.has(o.kind) ? [] : [
      check(o.metadata.namespace && namespaces.has(o.metadata.namespace), `${ids[i]} is in namespace ${o.metadata.namespace}, which is not declared`),
    ]),
  ]);
}

interface Hpa { scaleTargetRef: { kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: { resource?: { name?: string } }[] }
const hpaOf = (h: K8sObject): Hpa => h.spec as unknown as Hpa;

function deploymentWiring(objects: K8sObject[], d: K8sObject): Check[] {
  const ns = d.metadata.namespace;
  const at = objectId(d);
  const spec = podSpecOf(d);
  const labels = podLabelsOf(d);
  const sa = findObject(objects, 'ServiceAccount', ns, spec.serviceAccountName);
  const hpa = ofKind(objects, 'HorizontalPodAutoscaler').find((h) => h.metadata.namespace === ns &&
    hpaOf(h).scaleTargetRef.kind === 'Deployment' && hpaOf(h).scaleTargetRef.name === d.metadata.name);
  const pdb = ofKind(objects, 'PodDisruptionBudget').find((p) => p.metadata.namespace === ns && selects(field(p, 'spec', 'selector'), labels));
  const minAvailable = field<number>(pdb, 'spec', 'minAvailable');
  return [
    check(selects(field<LabelSelector>(d, 'spec', 'selector'), labels), `${at}: selector does not match its pod template`),
    check(sa && spec.serviceAccountName !== 'default', `${at}: ServiceAccount ${spec.serviceAccountName} is not declared`),
    check(!sa || sa.automountServiceAccountToken === false, `${at}: its ServiceAccount mounts a token`),
    check(hpa, `${at}: no HorizontalPodAutoscaler`),
    check(!hpa || field(d, 'spec', 'replicas') === undefined, `${at}: sets spec.replicas although an HPA scales it`),
    check(pdb, `${at}: no PodDisruptionBudget`),
    check(minAvailable === undefined || !hpa || minAvailable < (hpaOf(hpa).minReplicas ?? 1),
      `${at}: PDB minAvailable ${minAvailable} >= HPA minReplicas, node drains would block`),
    check(ofKind(objects, 'Service').some((s) => s.metadata.namespace === ns && selectsByMap(field<Labels>(s, 'spec', 'selector'), labels)), `${at}: no Service selects it`),
  ];
}

/** Every Deployment has its ServiceAccount, HPA, PDB and Service. */
export const deploymentsAreWired = (objects: K8sObject[]): Check[] => deploymentsOf(objects).flatMap((d) => deploymentWiring(objects, d));

/** Each Service selects exactly one Deployment and targets its container ports. */
export function servicesSelectDeployments(objects: K8sObject[]): Check[] {
  type Port = { port: number; targetPort?: number | string };
  return ofKind(objects, 'Service').flatMap((s) => {
    const at = objectId(s);
    const targets = deploymentsOf(objects).filter((d) => d.metadata.namespace === s.metadata.namespace &&
      selectsByMap(field<Labels>(s, 'spec', 'selector'), podLabelsOf(d)));
    if (targets.length !== 1) return [check(false, `${at}: selector matches ${targets.length} Deployments, expected 1`)];
    const ports = podSpecOf(targets[0]).containers.flatMap((c) => c.ports ?? []);
    return [
      check([undefined, 'ClusterIP'].includes(field(s, 'spec', 'type')), `${at}: is not ClusterIP`),
      ...(field<Port[]>(s, 'spec', 'ports') ?? []).map((p) => {
        const t = p.targetPort ?? p.port;
        return check(ports.some((cp) => cp.name === t || cp.containerPort === t), `${at}: targetPort ${t} is not a container port of ${targets[0].metadata.name}`);
      }),
    ];
  });
}

/** HPAs scale something that exists, on CPU; PDBs select a Deployment with one budget. */
export function scalersSelectDeployments(objects: K8sObject[]): Check[] {
  const hpas = ofKind(objects, 'HorizontalPodAutoscaler').flatMap((h) => {
    const spec = hpaOf(h);
    const at = objectId(h);
    return [
      check(findObject(objects, spec.scaleTargetRef.kind, h.metadata.namespace, spec.scaleTargetRef.name), `${at}: scale target does not exist`),
      check((spec.minReplicas ?? 1) <= spec.maxReplicas, `${at}: minReplicas > maxReplicas`),
      check((spec.metrics ?? []).some((m) => m.resource?.name === 'cpu'), `${at}: does not scale on CPU`),
    ];
  });
  const pdbs = ofKind(objects, 'PodDisruptionBudget').flatMap((p) => [
    check(deploymentsOf(objects).some((d) => d.metadata.namespace === p.metadata.namespace && selects(field(p, 'spec', 'selector'), podLabelsOf(d))),
      `${objectId(p)}: selects no Deployment`),
    check((field(p, 'spec', 'minAvailable') === undefined) !== (field(p, 'spec', 'maxUnavailable') === undefined),
      `${objectId(p)}: needs exactly one of minAvailable/maxUnavailable`),
  ]);
  return [...hpas, ...pdbs];
}

/** NetworkPolicies in the apps' namespace select pods that exist (operators' pods are not rendered). */
export function networkPoliciesSelectPods(objects: K8sObject[]): Check[] {
  type Peer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: unknown };
  const apps = new Set(deploymentsOf(objects).map((d) => d.metadata.namespace));
  return ofKind(objects, 'NetworkPolicy').flatMap((p) => {
    const ns = p.metadata.namespace;
    const pods = deploymentsOf(objects).filter((d) => d.metadata.namespace === ns).map(podLabelsOf);
    const selectsPod = (sel?: LabelSelector) => !apps.has(ns) || Object.keys(sel ?? {}).length === 0 || pods.some((l) => selects(sel, l));
    const rules = [...(field<{ from?: Peer[] }[]>(p, 'spec', 'ingress') ?? []).map((r) => r.from ?? []),
      ...(field<{ to?: Peer[] }[]>(p, 'spec', 'egress') ?? []).map((r) => r.to ?? [])];
    return [
      check(selectsPod(field(p, 'spec', 'podSelector')), `${objectId(p)}: podSelector selects no pod`),
      ...rules.flat().flatMap((peer) => [
        check(peer.podSelector || peer.namespaceSelector || peer.ipBlock, `${objectId(p)}: empty peer`),
        check(peer.namespaceSelector || selectsPod(peer.podSelector), `${objectId(p)}: peer podSelector ${JSON.stringify(peer.podSelector)} selects no pod`),
      ]),
    ];
  });
}
