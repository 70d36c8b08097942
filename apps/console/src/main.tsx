import { ApolloProvider } from '@apollo/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { gatewayClient } from './api/client';
import { signIn } from './auth/session';
import { loadConfig } from './config';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Shell } from './Shell';
import './styles.css';

function NoRole() {
  const { t } = useI18n();
  return <p role="alert" className="notice error">{t('noRole')}</p>;
}

/** Reads the environment, signs in (or goes to Keycloak), then shows the console. */
async function start(root: HTMLElement) {
  document.documentElement.lang = localStorage.getItem('console.language') === 'en' ? 'en' : 'vi';
  const config = await loadConfig();
  const session = await signIn(config);
  const client = gatewayClient(config.gatewayUrl, session);
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ApolloProvider client={client}>
          {session.who ? <Shell who={session.who} session={session} /> : <NoRole />}
        </ApolloProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) {
  start(root).catch((failure: unknown) => {
    root.textContent = failure instanceof Error ? failure.message : 'Không khởi động được bảng điều khiển / the console could not start';
    root.setAttribute('role', 'alert');
  });
}
