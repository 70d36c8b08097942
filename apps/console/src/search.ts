/** Lower case without diacritics (đ as d): "Nguyễn Văn Đức" is found by "nguyen van duc". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** True when every word typed appears in the name, diacritics and case aside. */
export function nameMatches(name: string, typed: string): boolean {
  const haystack = folded(name);
  return folded(typed).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}
