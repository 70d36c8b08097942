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
