import { check, field, ofKind, type Check, type K8sObject } from './manifest';
import {
  componentOf, containersOf, deploymentsOf, podLabelsOf, podSpecOf, selects, subgraphPorts, type Container, type LabelSelector,
} from './workloads';

/** Every image has a fixed tag or a digest, never `latest`. */
export function imagesArePinned(objects: K8sObject[]): Check[] {
  return containersOf(objects).flatMap(({ container, at }) => {
    const image = container.image ?? '';
    const digest = /@sha256:[0-9a-f]{64}$/.test(image);
    const tag = /:([^/:@]+)$/.exec(image)?.[1];
    return [
      check(digest || tag, `${at}: image ${image} has neither a tag nor a digest`),
      check(digest || (tag !== undefined && tag !== 'latest'), `${at}: image ${image} uses latest`),
    ];
  });
}

function containerIsHardened(c: Container, pod: Container['securityContext'], at: string): Check[] {
  const sc = c.securityContext ?? {};
  const p = pod ?? {};
  return [
    check(sc.runAsNonRoot === true || (p.runAsNonRoot === true && sc.runAsNonRoot !== false), `${at}: runAsNonRoot is not set`),
    check((sc.runAsUser ?? p.runAsUser) !== 0, `${at}: runs as uid 0`),
    check(sc.allowPrivilegeEscalation === false, `${at}: allowPrivilegeEscalation is not false`),
    check(sc.readOnlyRootFilesystem === true, `${at}: root filesystem is writable`),
    check(sc.privileged !== true, `${at}: privileged`),
    check((sc.capabilities?.drop ?? []).includes('ALL'), `${at}: capabilities do not drop ALL`),
    check((sc.seccompProfile?.type ?? p.seccompProfile?.type) === 'RuntimeDefault', `${at}: seccomp is not RuntimeDefault`),
  ];
}

/** Non-root, no privilege escalation, read-only root filesystem, no host namespaces. */
export function podsAreHardened(objects: K8sObject[]): Check[] {
  const pods = deploymentsOf(objects).flatMap((d) => {
    const spec = podSpecOf(d);
    const at = `Deployment/${d.metadata.namespace}/${d.metadata.name}`;
    return [
      check(spec.hostNetwork !== true && spec.hostPID !== true && spec.hostIPC !== true, `${at}: uses host namespaces`),
      check(spec.automountServiceAccountToken === false, `${at}: automountServiceAccountToken is not false`),
    ];
  });
  const containers = containersOf(objects).flatMap(({ deployment, container, at }) =>
    containerIsHardened(container, podSpecOf(deployment).securityContext, at));
  return [...pods, ...containers];
}

/** CPU and memory requests and limits on every container. */
export function containersHaveResources(objects: K8sObject[]): Check[] {
  return containersOf(objects).flatMap(({ container, at }) => ['cpu', 'memory'].flatMap((r) => [
    check(container.resources?.requests?.[r] !== undefined, `${at}: no ${r} request`),
    check(container.resources?.limits?.[r] !== undefined, `${at}: no ${r} limit`),
  ]));
}

const probePaths = { startupProbe: '/health/live', livenessProbe: '/health/live', readinessProbe: '/health/ready' } as const;

/** Startup, liveness and readiness HTTP probes on the health endpoints, at a declared port. */
export function containersHaveProbes(objects: K8sObject[]): Check[] {
  return containersOf(objects).filter((c) => !c.init).flatMap(({ container, at }) =>
    Object.entries(probePaths).flatMap(([name, wanted]) => {
      const get = container[name as keyof typeof probePaths]?.httpGet;
      if (!get) return [check(false, `${at}: no HTTP ${name}`)];
      const port = (container.ports ?? []).find((p) => p.name === get.port || p.containerPort === get.port);
      return [
        check(get.path === wanted, `${at}: ${name} checks ${get.path}, expected ${wanted}`),
        check(port, `${at}: ${name} port ${get.port} is not a container port`),
      ];
    }));
}

const policiesSelecting = (objects: K8sObject[], d: K8sObject, type: 'Ingress' | 'Egress'): K8sObject[] =>
  ofKind(objects, 'NetworkPolicy').filter((p) => p.metadata.namespace === d.metadata.namespace &&
    (field<string[]>(p, 'spec', 'policyTypes') ?? []).includes(type) &&
    selects(field<LabelSelector>(p, 'spec', 'podSelector'), podLabelsOf(d)));

/** Kafka's in-cluster listener ports (9092 plaintext by default; a TLS listener may use another). */
function kafkaPorts(objects: K8sObject[]): string {
  type Listener = { port: number; type: string };
  const ports = ofKind(objects, 'Kafka').flatMap((k) => field<Listener[]>(k, 'spec', 'kafka', 'listeners') ?? [])
    .filter((l) => l.type === 'internal').map((l) => `TCP/${l.port}`);
  return ports.length ? ports.join('|') : 'TCP/9092';
}

/** The ports a workload must reach: DNS, Keycloak, and PostgreSQL + Kafka or the subgraphs (`a|b`: either). */
function requiredEgress(component: string | undefined, kafka: string): string[] {
  const common = ['UDP/53', 'TCP/53', 'TCP/443', 'TCP/8443'];
  if (component === 'subgraph') return [...common, 'TCP/5432', kafka];
  if (component === 'gateway') return [...common, ...Object.values(subgraphPorts).map((p) => `TCP/${p}`)];
  return common;
}

function egressPorts(policies: K8sObject[]): Set<string> {
  type Rule = { ports?: { protocol?: string; port?: number | string }[] };
  return new Set(policies.flatMap((p) => (field<Rule[]>(p, 'spec', 'egress') ?? [])
    .flatMap((r) => (r.ports ?? []).map((pt) => `${pt.protocol ?? 'TCP'}/${pt.port}`))));
}

/** Every subgraph and the gateway sit behind ingress and egress NetworkPolicies. */
export function workloadsBehindNetworkPolicies(objects: K8sObject[]): Check[] {
  const expected = ['gateway', ...Object.keys(subgraphPorts)];
  const deployments = deploymentsOf(objects);
  const present = expected.map((name) => check(deployments.some((d) => d.metadata.name === name), `Deployment ${name} is not declared`));
  return [...present, ...deployments.flatMap((d) => {
    const at = `Deployment/${d.metadata.namespace}/${d.metadata.name}`;
    const ingress = policiesSelecting(objects, d, 'Ingress');
    const egress = policiesSelecting(objects, d, 'Egress');
    const ports = egressPorts(egress);
    return [
      check(ingress.some((p) => (field<unknown[]>(p, 'spec', 'ingress') ?? []).length > 0), `${at}: no NetworkPolicy allows any ingress to it`),
      check(egress.length > 0, `${at}: no Egress NetworkPolicy restricts it`),
      ...requiredEgress(componentOf(d), kafkaPorts(objects)).map((need) =>
        check(need.split('|').some((p) => ports.has(p)), `${at}: egress to ${need} is not allowed`)),
    ];
  })];
}

/** Every namespace denies ingress by default. */
export function namespacesDenyByDefault(objects: K8sObject[]): Check[] {
  return ofKind(objects, 'Namespace').map((ns) => check(ofKind(objects, 'NetworkPolicy').some((p) =>
    p.metadata.namespace === ns.metadata.name && Object.keys(field<object>(p, 'spec', 'podSelector') ?? {}).length === 0 &&
    (field<string[]>(p, 'spec', 'policyTypes') ?? []).includes('Ingress') && (field<unknown[]>(p, 'spec', 'ingress') ?? []).length === 0),
  `namespace ${ns.metadata.name} has no default-deny ingress NetworkPolicy`));
}

/** All house rules, in the order the report lists them. */
export const houseRules = [
  imagesArePinned, podsAreHardened, containersHaveResources, containersHaveProbes, workloadsBehindNetworkPolicies, namespacesDenyByDefault,
];
