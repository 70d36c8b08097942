import { check, field, findObject, objectId, ofKind, type Check, type K8sObject } from './manifest';

interface IngressSpec {
  tls?: { hosts?: string[]; secretName?: string }[];
  rules?: { host?: string; http?: { paths?: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[];
}

/** An Ingress covers its hosts with TLS and exposes only the gateway's Service. */
export function ingressesExposeOnlyTheGateway(objects: K8sObject[]): Check[] {
  return ofKind(objects, 'Ingress').flatMap((ing) => {
    const spec = ing.spec as IngressSpec;
    const at = objectId(ing);
    const tlsHosts = (spec.tls ?? []).flatMap((t) => t.hosts ?? []);
    const tls = (spec.tls ?? []).map((t) => check(t.secretName, `${at}: TLS entry without secretName`));
    const rules = (spec.rules ?? []).flatMap((rule) => [
      check(tlsHosts.includes(rule.host ?? ''), `${at}: host ${rule.host} is not covered by TLS`),
      ...(rule.http?.paths ?? []).flatMap(({ backend: { service: b } }) => {
        const svc = findObject(objects, 'Service', ing.metadata.namespace, b.name);
        type Port = { name?: string; port: number };
        return [
          check(svc, `${at}: backend Service ${b.name} does not exist`),
          check(!svc || (field<Port[]>(svc, 'spec', 'ports') ?? []).some((p) => p.name === b.port.name || p.port === b.port.number), `${at}: backend port does not exist on ${b.name}`),
          check(!svc || svc.metadata.labels?.['app.kubernetes.io/component'] === 'gateway', `${at}: exposes ${b.name}, but only the gateway may be exposed`),
        ];
      }),
    ]);
    return [...tls, ...rules];
  });
}

interface RouteSpec {
  parentRefs?: { name: string; namespace?: string; kind?: string }[];
  rules?: { backendRefs?: { name: string; namespace?: string; kind?: string; port?: number }[] }[];
}

/** The Service the Keycloak operator makes for each Keycloak CR: `<name>-service`, 8443 and 8080 when HTTP is on. */
function keycloakServices(objects: K8sObject[]): K8sObject[] {
  return ofKind(objects, 'Keycloak').map((kc) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${kc.metadata.name}-service`, namespace: kc.metadata.namespace },
    spec: { ports: [{ port: 8443 }, ...(field<boolean>(kc, 'spec', 'http', 'httpEnabled') ? [{ port: 8080 }] : [])] },
  }));
}

/** An HTTPRoute hangs on a declared Gateway and sends traffic to declared (or operator-made) Services and ports. */
export function routesReachDeclaredServices(declared: K8sObject[]): Check[] {
  const objects = [...declared, ...keycloakServices(declared)];
  const namespaces = new Set(ofKind(objects, 'Namespace').map((n) => n.metadata.name));
  return ofKind(objects, 'HTTPRoute').flatMap((route) => {
    const spec = route.spec as RouteSpec;
    const at = objectId(route);
    const parents = (spec.parentRefs ?? []).filter((p) => (p.kind ?? 'Gateway') === 'Gateway' && namespaces.has(p.namespace ?? route.metadata.namespace ?? ''))
      .map((p) => check(findObject(objects, 'Gateway', p.namespace ?? route.metadata.namespace, p.name), `${at}: parent Gateway ${p.name} is not declared`));
    const backends = (spec.rules ?? []).flatMap((r) => r.backendRefs ?? []).filter((b) => (b.kind ?? 'Service') === 'Service').map((b) => {
      const svc = findObject(objects, 'Service', b.namespace ?? route.metadata.namespace, b.name);
      const ports = field<{ port: number }[]>(svc, 'spec', 'ports') ?? [];
      return check(svc && ports.some((p) => p.port === b.port), `${at}: backend Service ${b.name}:${b.port} is not declared`);
    });
    return [...parents, ...backends];
  });
}
