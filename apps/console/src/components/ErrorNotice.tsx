import type { ApolloError } from '@apollo/client';
import { errorTitle, messageIn } from '../i18n/errors';
import { useI18n } from '../i18n/i18n';

interface Shown {
  code: string;
  message: string;
}

/** Each error of an answer as its code's title and the gateway's own message; never a stack trace. */
export function errorsOf(error: ApolloError | undefined): Shown[] {
  if (!error) return [];
  const answered = error.graphQLErrors.map((item) => ({ code: String(item.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), message: item.message }));
  if (answered.length > 0) return answered;
  const status = (error.networkError as { statusCode?: number } | null)?.statusCode;
  const body = (error.networkError as { result?: { errors?: Array<{ message: string; extensions?: { code?: string } }> } } | null)?.result;
  const fromBody = body?.errors?.map((item) => ({ code: item.extensions?.code ?? 'BAD_REQUEST', message: item.message })) ?? [];
  if (fromBody.length > 0) return fromBody;
  return [{ code: status === 401 ? 'UNAUTHENTICATED' : 'NETWORK', message: '' }];
}

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
