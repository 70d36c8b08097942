import { useQuery, type ApolloError } from '@apollo/client';
import { useEffect, type ReactElement } from 'react';
import { dayBefore, todayInVietnam } from './api/dates';
import type { SignedIn } from './auth/principal';
import type { Session } from './auth/session';
import { DateField } from './components/DateField';
import { ErrorNotice } from './components/ErrorNotice';
import { OfflineBanner } from './components/States';
import { graphql } from './gql';
import { useI18n } from './i18n/i18n';
import type { MessageKey } from './i18n/messages';
import { useRoute, type View } from './route';
import { Audit } from './views/Audit';
import { Evaluations } from './views/Evaluations';
import { Organizations } from './views/Organizations';
import { People } from './views/People';
import { Plans } from './views/Plans';
import { Proposals } from './views/Proposals';
import { Statistics } from './views/Statistics';
import { Territory } from './views/Territory';
import { Users } from './views/Users';
import type { ViewProps } from './views/view-props';

const OWN_UNIT = graphql(`
  query ConsoleOwnUnit($code: ID!, $asOf: LocalDate!) {
    unit(code: $code, asOf: $asOf) { code name tier validFrom validTo }
  }
`);

/** The day the caller's unit ceased, as the gateway's NOT_IN_FORCE answer for today names it (null while it serves). */
function endedOn(error: ApolloError | undefined): string | null {
  const refusal = error?.graphQLErrors.find((item) => item.extensions?.code === 'NOT_IN_FORCE');
  const details = refusal?.extensions?.details as { endedOn?: string | null } | undefined;
  return details?.endedOn ?? null;
}

const VIEW_COMPONENTS: Record<View, (props: ViewProps) => ReactElement> = {
  territory: Territory, organizations: Organizations, statistics: Statistics, people: People, evaluations: Evaluations,
  plans: Plans, proposals: Proposals, users: Users, audit: Audit,
};
const NAV: Array<[View, MessageKey]> = [
  ['territory', 'navTerritory'], ['organizations', 'navOrganizations'], ['statistics', 'navStatistics'], ['people', 'navPeople'],
  ['evaluations', 'navEvaluations'], ['plans', 'navPlans'], ['proposals', 'navProposals'], ['users', 'navUsers'], ['audit', 'navAudit'],
];

/**
 * The frame every view shares: who is signed in (name, tier, role, unit), the views, the date
 * the dated views read as of, the language and sign-out. A ceased unit's account is taken to its
 * unit's last day: it reads history only.
 */
export function Shell({ who, session }: { who: SignedIn; session: Session }) {
  const { t, label, switchLanguage } = useI18n();
  const [route, go] = useRoute();
  const today = todayInVietnam();
  const own = useQuery(OWN_UNIT, { variables: { code: who.unitCode, asOf: today } });
  const ceasedOn = endedOn(own.error);
  const lastDay = ceasedOn ? dayBefore(ceasedOn) : today;
  const before = useQuery(OWN_UNIT, { variables: { code: who.unitCode, asOf: lastDay }, skip: !ceasedOn });
  const ownUnit = own.data?.unit ?? before.data?.unit;
  const asOf = route.params.get('asOf') ?? lastDay;
  const unitCode = route.params.get('unit') ?? who.unitCode;
  useEffect(() => {
    document.title = `${t('appTitle')} — ${ownUnit?.name ?? who.unitCode}`;
  }, [t, ownUnit, who.unitCode]);
  const Current = VIEW_COMPONENTS[route.view];
  return (
    <div className="shell">
      <header className="top">
        <h1>{t('appTitle')}</h1>
        <div className="who" data-testid="who">
          <strong>{who.fullName}</strong> ({who.username}) · {label('tier', who.tier)} · {label('capability', who.capability)} ·{' '}
          <span data-testid="who-unit">{ownUnit?.name ?? who.unitCode} ({who.unitCode})</span>
        </div>
        <button type="button" className="secondary" onClick={switchLanguage}>{t('language')}</button>
        <button type="button" name="signOut" onClick={() => void session.logout()}>{t('signOut')}</button>
      </header>
      <OfflineBanner />
      {!ceasedOn && <ErrorNotice error={own.error} />}
      {ceasedOn && <div className="notice" role="status" data-testid="ceased">{t('unitCeased')} {ceasedOn}: {t('unitCeasedHint')} ({lastDay}).</div>}
      <nav className="views">
        {NAV.map(([view, key]) => (
          <a key={view} href={`/${view}`} aria-current={route.view === view ? 'page' : undefined} onClick={(event) => { event.preventDefault(); go(view); }}>{t(key)}</a>
        ))}
        <DateField name="asOf" label={t('asOf')} value={asOf} max={lastDay} onChange={(date) => go(route.view, { asOf: date })} />
        {unitCode !== who.unitCode && <button type="button" className="secondary" onClick={() => go(route.view, { unit: null })}>↩ {who.unitCode}</button>}
      </nav>
      <main>
        <Current who={who} unitCode={unitCode} asOf={asOf} params={route.params} go={go} />
      </main>
    </div>
  );
}
