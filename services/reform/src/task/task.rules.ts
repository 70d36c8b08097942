import { isStableId } from '@ps/effective-dating';
import { BadUserInputError } from '@ps/errors';

/** Ids of other services' things (organizations, people) must at least be well-formed. */
export function checkIds(ids: readonly string[], field: { vi: string; en: string }): string[] {
  const malformed = ids.filter((id) => !isStableId(id));
  if (ids.length === 0 || malformed.length > 0) {
    throw new BadUserInputError(`${field.vi} không hợp lệ: ${malformed.join(', ') || 'trống'}`, `${field.en} invalid: ${malformed.join(', ') || 'none'}`, {
      reason: 'MALFORMED_ID', malformed,
    });
  }
  return [...new Set(ids)];
}

/** A completion percentage is a whole number from 0 to 100. */
export function checkCompletion(completion: number): number {
  if (!Number.isInteger(completion) || completion < 0 || completion > 100) {
    throw new BadUserInputError(`Tỷ lệ hoàn thành ${completion} phải từ 0 đến 100`, `Completion ${completion} must be from 0 to 100`, {
      reason: 'COMPLETION_OUT_OF_RANGE', completion,
    });
  }
  return completion;
}

/** Evidence links are web addresses. */
export function checkLinks(links: readonly string[]): string[] {
  const bad = links.filter((link) => !/^https?:\/\/\S+$/.test(link.trim()));
  if (bad.length > 0) {
    throw new BadUserInputError(`Liên kết minh chứng không hợp lệ: ${bad.join(', ')}`, `Invalid evidence links: ${bad.join(', ')}`, { reason: 'BAD_LINK', links: bad });
  }
  return links.map((link) => link.trim());
}

/** The organizations assigned once `closed` has passed to `successor`: the successor in its place, each once, in order. */
export function reassigned(organizationIds: readonly string[], closed: string, successor: string): string[] {
  return [...new Set(organizationIds.map((id) => (id === closed ? successor : id)))];
}
