import { ensureInfrastructure } from './infrastructure';

/** jest globalSetup of every integration suite: the real infrastructure, started if needed. */
export default function globalSetup(): void {
  ensureInfrastructure();
}
