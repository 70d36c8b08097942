import type { ApolloError } from '@apollo/client';
import { SignInUnreachable } from '../auth/sign-in-unreachable';

export interface Shown {
  code: string;
  message: string;
}

/**
 * Each error of an answer as its code and the gateway's own message; never a stack trace. A
 * request that never left because the sign-in service is unreachable (the token could not be
 * refreshed) says so, not that the server cannot be reached.
 */
export function errorsOf(error: ApolloError | undefined): Shown[] {
  if (!error) return [];
  const answered = error.graphQLErrors.map((item) => ({ code: String(item.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), message: item.message }));
  if (answered.length > 0) return answered;
  if (error.networkError instanceof SignInUnreachable) return [{ code: 'SIGN_IN_UNAVAILABLE', message: error.networkError.message }];
  const status = (error.networkError as { statusCode?: number } | null)?.statusCode;
  const body = (error.networkError as { result?: { errors?: Array<{ message: string; extensions?: { code?: string } }> } } | null)?.result;
  const fromBody = body?.errors?.map((item) => ({ code: item.extensions?.code ?? 'BAD_REQUEST', message: item.message })) ?? [];
  if (fromBody.length > 0) return fromBody;
  return [{ code: status === 401 ? 'UNAUTHENTICATED' : 'NETWORK', message: '' }];
}
