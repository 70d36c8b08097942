import type { DutyVersion } from '@ps/contracts';
import type { Duty } from './duty.entity';

/** A duty version as the contracts carry it (DutyChanged). */
export function dutySnapshot(duty: Duty): DutyVersion {
  const { id, kind, text, normalizedText, validFrom, validTo } = duty;
  return { id, kind, text, normalizedText, validFrom, validTo };
}
