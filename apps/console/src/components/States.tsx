import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('loading')}</p>;
}

export function Empty() {
  const { t } = useI18n();
  return <p className="muted">{t('empty')}</p>;
}

/** A banner while the browser is offline; queries reload when it is back. */
export function OfflineBanner() {
  const { t } = useI18n();
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online ? null : <div role="status" className="notice offline">{t('offline')}</div>;
}
