import type { Check, K8sObject } from './manifest';
import {
  deploymentsAreWired, networkPoliciesSelectPods, objectsAreWellPlaced, scalersSelectDeployments, servicesSelectDeployments,
} from './cross-references';
import { houseRules, imagesArePinned } from './house-rules';
import { ingressesExposeOnlyTheGateway, routesReachDeclaredServices } from './ingress-rules';
import { databasesAreConsistent, kafkaIsConsistent, keycloakIsConsistent } from './operator-resources';
import { secretsAreDocumented } from './secrets-documented';
import { workloadsGetTheirEnvironment } from './workload-environment';

/** Checks that read the objects of one rendered target. */
export type ObjectRule = (objects: K8sObject[]) => Check[];

export const crossReferenceRules: ObjectRule[] = [
  objectsAreWellPlaced, deploymentsAreWired, servicesSelectDeployments, scalersSelectDeployments, networkPoliciesSelectPods,
  ingressesExposeOnlyTheGateway, routesReachDeclaredServices, workloadsGetTheirEnvironment, secretsAreDocumented,
];

export const operatorRules: ObjectRule[] = [kafkaIsConsistent, databasesAreConsistent, keycloakIsConsistent];

/** Every rule over one target's objects; messages are prefixed with the target. */
export function checkObjects(target: string, objects: K8sObject[]): Check[] {
  // The base names images without a release; only what an overlay deploys must be pinned.
  const house = target === 'base' ? houseRules.filter((r) => r !== imagesArePinned) : houseRules;
  return [...house, ...crossReferenceRules, ...operatorRules]
    .flatMap((rule) => rule(objects))
    .map((c) => ({ ...c, message: `${target}: ${c.message}` }));
}
