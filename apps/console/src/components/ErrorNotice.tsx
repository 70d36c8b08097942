import type { ApolloError } from '@apollo/client';
import { errorTitle, messageIn } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';
import { errorsOf } from './errors-of';

export function ErrorNotice({ error }: { error: ApolloError | undefined }) {
  const { language } = useI18n();
  const shown = errorsOf(error);
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="notice error">
      {shown.map((item, index) => (
        <p key={index} data-code={item.code}>
          <strong>{errorTitle(item.code, language)}</strong>
          {item.message && <span> — {messageIn(item.message, language)}</span>}
        </p>
      ))}
    </div>
  );
}
