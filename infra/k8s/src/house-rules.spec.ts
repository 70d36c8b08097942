import {
  containersHaveProbes, containersHaveResources, houseRules, imagesArePinned, namespacesDenyByDefault, podsAreHardened, workloadsBehindNetworkPolicies,
} from './house-rules';
import { failures } from './manifest';
import { deployableTargets } from './render';
import { copyOf, pick, plant, uproot } from './testing/planting';

const overlays = deployableTargets().filter((t) => t.startsWith('overlays/'));

describe('the house rules hold on every rendered target', () => {
  it.each(overlays)('%s: every image pinned to a tag or digest, none latest', (target) => {
    expect(failures(imagesArePinned(copyOf(target)))).toEqual([]);
  });
  it.each(deployableTargets())('%s: non-root, hardened, limits, probes, NetworkPolicies', (target) => {
    const objects = copyOf(target);
    for (const rule of houseRules.filter((r) => r !== imagesArePinned)) expect(failures(rule(objects))).toEqual([]);
  });
});

describe('each house rule catches its fault', () => {
  const gateway = 'Deployment/political-system/gateway container app';
  it('an image on latest, or without a tag', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Deployment', 'gateway'), 'spec.template.spec.containers.0.image', 'ghcr.io/political-system/gateway:latest');
    plant(pick(objects, 'Deployment', 'reform'), 'spec.template.spec.containers.0.image', 'ghcr.io/political-system/reform');
    expect(failures(imagesArePinned(objects))).toEqual([
      `${gateway}: image ghcr.io/political-system/gateway:latest uses latest`,
      'Deployment/political-system/reform container app: image ghcr.io/political-system/reform has neither a tag nor a digest',
      'Deployment/political-system/reform container app: image ghcr.io/political-system/reform uses latest',
    ]);
  });
  it('a digest is as good as a tag', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Deployment', 'gateway'), 'spec.template.spec.containers.0.image', `ghcr.io/political-system/gateway@sha256:${'a'.repeat(64)}`);
    expect(failures(imagesArePinned(objects))).toEqual([]);
  });
  it('root, privilege escalation and a writable root filesystem', () => {
    const objects = copyOf('overlays/staging');
    const d = pick(objects, 'Deployment', 'gateway');
    plant(d, 'spec.template.spec.securityContext.runAsNonRoot', false);
    plant(d, 'spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation', true);
    plant(d, 'spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem', false);
    expect(failures(podsAreHardened(objects))).toEqual(expect.arrayContaining([
      `${gateway}: allowPrivilegeEscalation is not false`, `${gateway}: root filesystem is writable`,
    ]));
    uproot(d, 'spec.template.spec.containers.0.securityContext.runAsNonRoot');
    expect(failures(podsAreHardened(objects))).toContain(`${gateway}: runAsNonRoot is not set`);
  });
  it('a container without limits', () => {
    const objects = copyOf('overlays/production');
    uproot(pick(objects, 'Deployment', 'gateway'), 'spec.template.spec.containers.0.resources.limits');
    expect(failures(containersHaveResources(objects))).toEqual([`${gateway}: no cpu limit`, `${gateway}: no memory limit`]);
  });
  it('a container without a readiness probe, or probing the wrong path', () => {
    const objects = copyOf('overlays/production');
    const d = pick(objects, 'Deployment', 'gateway');
    uproot(d, 'spec.template.spec.containers.0.readinessProbe');
    plant(d, 'spec.template.spec.containers.0.livenessProbe.httpGet.path', '/');
    expect(failures(containersHaveProbes(objects))).toEqual([
      `${gateway}: livenessProbe checks /, expected /health/live`, `${gateway}: no HTTP readinessProbe`,
    ]);
  });
  it.each(['organization', 'personnel', 'evaluation', 'reform', 'gateway'])('%s outside every NetworkPolicy', (name) => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Deployment', name), 'spec.template.metadata.labels', { app: 'stray' });
    expect(failures(workloadsBehindNetworkPolicies(objects))).toEqual(expect.arrayContaining([
      `Deployment/political-system/${name}: no NetworkPolicy allows any ingress to it`,
      `Deployment/political-system/${name}: no Egress NetworkPolicy restricts it`,
    ]));
  });
  it('a subgraph that may not reach Kafka\'s listener', () => {
    const objects = copyOf('overlays/production');
    plant(pick(objects, 'Kafka', 'platform-kafka'), 'spec.kafka.listeners', [{ name: 'tls', port: 9094, type: 'internal', tls: true }]);
    expect(failures(workloadsBehindNetworkPolicies(objects))).toEqual(['organization', 'personnel', 'evaluation', 'reform']
      .map((s) => `Deployment/political-system/${s}: egress to TCP/9094 is not allowed`).sort());
  });
  it('a namespace without its default-deny policy', () => {
    const objects = copyOf('base').filter((o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'default-deny-ingress' && o.metadata.namespace === 'political-system'));
    expect(failures(namespacesDenyByDefault(objects))).toEqual(['namespace political-system has no default-deny ingress NetworkPolicy']);
  });
});
