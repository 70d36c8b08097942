/**
 * Folds text for matching regardless of diacritics, case, punctuation and spacing:
 * "Xã Định An" → "xa dinh an". Vietnamese đ/Đ become d (NFD does not decompose them).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The services' "today", as effective-dating defines it (one definition). */
export { todayInVietnam } from '@ps/effective-dating';
