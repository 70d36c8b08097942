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

/** Today's date (YYYY-MM-DD) in Vietnam, the default "as of" of every effective-dated query. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
