import type { SignedIn } from '../auth/principal';
import type { View } from '../route';

/** What every view gets from the shell: the unit and date shown, who is signed in, and a way to move. */
export interface ViewProps {
  who: SignedIn;
  unitCode: string;
  asOf: string;
  params: URLSearchParams;
  go(view: View, changes?: Record<string, string | null>): void;
}
