import { ImagesError, ImagesErrorCode } from './images.errors';

/** One image of the platform: which workspace package it is built from, and how. */
export interface Deployable {
  /** The image's name under the registry namespace, and the build argument SERVICE (`@ps/<name>`). */
  name: string;
  /** The package's folder, relative to the repository root. */
  folder: string;
  /** The Dockerfile's final stage for it. */
  target: 'service' | 'console';
}

/** Every deployable, subgraphs first (the gateway's readiness test talks to them). */
export const DEPLOYABLES: readonly Deployable[] = [
  { name: 'organization', folder: 'services/organization', target: 'service' },
  { name: 'personnel', folder: 'services/personnel', target: 'service' },
  { name: 'evaluation', folder: 'services/evaluation', target: 'service' },
  { name: 'reform', folder: 'services/reform', target: 'service' },
  { name: 'gateway', folder: 'gateway', target: 'service' },
  { name: 'console', folder: 'apps/console', target: 'console' },
];

/** The repository-relative path of the one Dockerfile, and of its context exclusions. */
export const DOCKERFILE = 'infra/images/Dockerfile';
export const DOCKERIGNORE = 'infra/images/Dockerfile.dockerignore';

/** The deployables named (all when none), in the order of DEPLOYABLES; an unknown name fails. */
export function selectDeployables(names: readonly string[]): Deployable[] {
  const unknown = names.filter((name) => !DEPLOYABLES.some((deployable) => deployable.name === name));
  if (unknown.length > 0) {
    const known = DEPLOYABLES.map((deployable) => deployable.name).join(', ');
    throw new ImagesError(
      ImagesErrorCode.UnknownDeployable,
      `không có ảnh nào tên ${unknown.join(', ')} (có: ${known})`,
      `no image named ${unknown.join(', ')} (known: ${known})`,
    );
  }
  return DEPLOYABLES.filter((deployable) => names.length === 0 || names.includes(deployable.name));
}
