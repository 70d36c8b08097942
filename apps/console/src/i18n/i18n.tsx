import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { preferredLanguage } from '../auth/session';
import { MESSAGES, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  t(key: MessageKey): string;
  /** A message key built from a value (e.g. `tier_DISTRICT`), or the value itself when unknown. */
  label(prefix: string, value: string): string;
  /** A view's own words ({ vi, en }), in the language chosen. */
  tr(text: Bilingual): string;
  switchLanguage(): void;
}

/** Words a view keeps beside itself rather than in the shared dictionary. */
export interface Bilingual {
  vi: string;
  en: string;
}

const I18nContext = createContext<I18n | null>(null);

/** Vietnamese first; the choice is kept for the next visit and for Keycloak's page. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage());
  const value = useMemo<I18n>(() => ({
    language,
    t: (key) => MESSAGES[key][language],
    tr: (text) => text[language],
    label: (prefix, value) => (MESSAGES as Record<string, Record<Language, string>>)[`${prefix}_${value}`]?.[language] ?? value,
    switchLanguage: () => {
      const next = language === 'vi' ? 'en' : 'vi';
      localStorage.setItem('console.language', next);
      document.documentElement.lang = next;
      setLanguage(next);
    },
  }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new MissingProvider('I18nProvider');
  return context;
}

/** A hook used outside its provider: a wiring mistake in the console itself. */
export class MissingProvider extends Error {
  constructor(provider: string) {
    super(`${provider} is missing above this component`);
  }
}
