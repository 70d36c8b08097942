import { field, ofKind, type K8sObject } from './manifest';

export type Labels = Record<string, string>;
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
export interface ContainerPort { name?: string; containerPort: number; protocol?: string }
export interface Probe { httpGet?: { path?: string; port: string | number } }
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[] };
  seccompProfile?: { type?: string };
}
export interface Container {
  name: string;
  image?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  securityContext?: SecurityContext;
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
}
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  securityContext?: SecurityContext;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
}

/** The label selector semantics of the API: matchLabels and matchExpressions; {} selects all. */
export function selects(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  if (!Object.entries(selector.matchLabels ?? {}).every(([k, v]) => l[k] === v)) return false;
  return (selector.matchExpressions ?? []).every((e) => {
    const has = e.key in l;
    if (e.operator === 'In') return has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'NotIn') return !(has && (e.values ?? []).includes(l[e.key]));
    if (e.operator === 'Exists') return has;
    return !has; // DoesNotExist
  });
}

/** A Service's plain map selector: non-empty and every pair present. */
export const selectsByMap = (selector: Labels | undefined, labels: Labels | undefined): boolean =>
  Boolean(selector) && Object.keys(selector ?? {}).length > 0 &&
  Object.entries(selector ?? {}).every(([k, v]) => (labels ?? {})[k] === v);

export const deploymentsOf = (objects: K8sObject[]): K8sObject[] => ofKind(objects, 'Deployment');
export const podSpecOf = (d: K8sObject): PodSpec => field<PodSpec>(d, 'spec', 'template', 'spec') ?? { containers: [] };
export const podLabelsOf = (d: K8sObject): Labels => field<Labels>(d, 'spec', 'template', 'metadata', 'labels') ?? {};
export const componentOf = (d: K8sObject): string | undefined => podLabelsOf(d)['app.kubernetes.io/component'];

/** Every container of every Deployment, init containers included, with who runs it. */
export function containersOf(objects: K8sObject[]): { deployment: K8sObject; container: Container; init: boolean; at: string }[] {
  return deploymentsOf(objects).flatMap((d) => {
    const spec = podSpecOf(d);
    const at = (c: Container) => `Deployment/${d.metadata.namespace}/${d.metadata.name} container ${c.name}`;
    return [
      ...(spec.initContainers ?? []).map((c) => ({ deployment: d, container: c, init: true, at: at(c) })),
      ...spec.containers.map((c) => ({ deployment: d, container: c, init: false, at: at(c) })),
    ];
  });
}

/** The four subgraphs and the ports they listen on. */
export const subgraphPorts: Record<string, number> = { organization: 4001, personnel: 4002, evaluation: 4003, reform: 4004 };
