import {
  deploymentsAreWired, networkPoliciesSelectPods, objectsAreWellPlaced, scalersSelectDeployments, servicesSelectDeployments,
} from './cross-references';
import { ingressesExposeOnlyTheGateway, routesReachDeclaredServices } from './ingress-rules';
import { sampleObjects } from './testing/sample-objects';
import { crossReferenceRules } from './manifest-checks';
import { failures } from './manifest';
import { deployableTargets } from './render';
import { expectedSecrets, secretsAreDocumented } from './secrets-documented';
import { copyOf, pick, plant, uproot } from './testing/planting';
import { workloadsGetTheirEnvironment } from './workload-environment';

it.each(deployableTargets())('%s: every reference resolves', (target) => {
  const objects = copyOf(target);
  for (const rule of crossReferenceRules) expect(failures(rule(objects))).toEqual([]);
});

describe('broken references are caught', () => {
  it('a Service selecting nothing', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Service', 'reform'), 'spec.selector', { 'app.kubernetes.io/name': 'reforms' });
    expect(failures(servicesSelectDeployments(objects))).toEqual(['Service/political-system/reform: selector matches 0 Deployments, expected 1']);
    expect(failures(deploymentsAreWired(objects))).toEqual(['Deployment/political-system/reform: no Service selects it']);
  });
  it('an HPA scaling a Deployment that does not exist, a PDB selecting none', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'HorizontalPodAutoscaler', 'evaluation'), 'spec.scaleTargetRef.name', 'evaluations');
    plant(pick(objects, 'PodDisruptionBudget', 'evaluation'), 'spec.selector', { matchLabels: { app: 'none' } });
    expect(failures(scalersSelectDeployments(objects))).toEqual([
      'HorizontalPodAutoscaler/political-system/evaluation: scale target does not exist',
      'PodDisruptionBudget/political-system/evaluation: selects no Deployment',
    ]);
  });
  it('an environment variable a process reads, missing', () => {
    const objects = copyOf('overlays/staging');
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('platform-config'));
    if (!config) throw new Error('no platform-config');
    uproot(config, 'data.KEYCLOAK_REALM');
    const found = failures(workloadsGetTheirEnvironment(objects));
    expect(found).toHaveLength(5);
    expect(found).toContain('Deployment/political-system/gateway container app: KEYCLOAK_REALM is not set');
  });
  it('a subgraph without its LISTEN URL, or reading it from another Secret than DATABASE_URL', () => {
    const objects = copyOf('overlays/production');
    type Env = { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
    const envOf = (name: string) => (pick(objects, 'Deployment', name).spec as { template: { spec: { containers: { env: Env }[] } } }).template.spec.containers[0];
    const organization = envOf('organization');
    organization.env = organization.env.filter((e) => e.name !== 'DATABASE_LISTEN_URL');
    const listen = envOf('reform').env.find((e) => e.name === 'DATABASE_LISTEN_URL');
    if (!listen?.valueFrom?.secretKeyRef) throw new Error('reform reads no DATABASE_LISTEN_URL from a Secret');
    listen.valueFrom.secretKeyRef.name = 'reform-listen';
    expect(failures(workloadsGetTheirEnvironment(objects))).toEqual([
      'Deployment/political-system/organization container app: DATABASE_LISTEN_URL is not set',
      'Deployment/political-system/reform container app: DATABASE_LISTEN_URL and DATABASE_URL come from different Secrets',
    ]);
  });
  it('a subgraph URL of the gateway naming no Service', () => {
    const objects = copyOf('overlays/production');
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('gateway-config'));
    if (!config) throw new Error('no gateway-config');
    plant(config, 'data.REFORM_URL', 'http://reforms:4004/graphql');
    expect(failures(workloadsGetTheirEnvironment(objects))).toEqual(['Deployment/political-system/gateway container app: REFORM_URL names Service reforms, which is not declared']);
  });
  it('an object in an undeclared namespace, a NetworkPolicy peer selecting no pod', () => {
    const objects = copyOf('base');
    plant(pick(objects, 'ConfigMap', objects.find((o) => o.kind === 'ConfigMap')?.metadata.name ?? ''), 'metadata.namespace', 'elsewhere');
    expect(failures(objectsAreWellPlaced(objects))).toHaveLength(1);
    plant(pick(objects, 'NetworkPolicy', 'egress-gateway-to-subgraphs'), 'spec.podSelector', { matchLabels: { app: 'ghost' } });
    expect(failures(networkPoliciesSelectPods(objects))).toEqual(['NetworkPolicy/political-system/egress-gateway-to-subgraphs: podSelector selects no pod']);
  });
  it('an Ingress exposing a subgraph', () => {
    const objects = copyOf('overlays/production-ingress-nginx');
    plant(pick(objects, 'Ingress', 'gateway'), 'spec.rules.0.http.paths.0.backend.service', { name: 'personnel', port: { number: 4002 } });
    expect(failures(ingressesExposeOnlyTheGateway(objects))).toEqual(['Ingress/political-system/gateway: exposes personnel, but only the gateway may be exposed']);
  });
  it('an HTTPRoute on an undeclared Gateway, to a Service port that does not exist', () => {
    const objects = copyOf('overlays/production');
    const [gateway, route] = ['Gateway', 'HTTPRoute'].map((kind) => {
      const found = sampleObjects().find((o) => o.kind === kind);
      if (!found) throw new Error(`no sample ${kind}`);
      return found;
    });
    const port = (pick(objects, 'Service', 'gateway').spec as { ports: { port: number }[] }).ports[0].port;
    plant(route, 'spec.rules.0.backendRefs.0.port', port);
    expect(failures(routesReachDeclaredServices([...objects, gateway, route]))).toEqual([]);
    plant(route, 'spec.parentRefs.0.name', 'private');
    plant(route, 'spec.rules.0.backendRefs.0.port', 81);
    expect(failures(routesReachDeclaredServices([...objects, gateway, route]))).toEqual([
      'HTTPRoute/political-system/gateway: parent Gateway private is not declared',
      'HTTPRoute/political-system/gateway: backend Service gateway:81 is not declared',
    ]);
  });
  it('a Secret the README does not mention', () => {
    const objects = copyOf('overlays/production');
    expect(expectedSecrets(objects).size).toBeGreaterThan(0);
    const found = failures(secretsAreDocumented(objects, 'nothing documented'));
    expect(found.length).toBe(expectedSecrets(objects).size);
    expect(found[0]).toMatch(/^Secret political-system(-platform)?\/\S+ \(used by .+\) is not documented in README.md$/);
  });
});
