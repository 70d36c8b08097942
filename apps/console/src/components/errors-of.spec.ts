import { ApolloError } from '@apollo/client';
import { SignInUnreachable } from '../auth/sign-in-unreachable';
import { errorsOf } from './errors-of';

describe('errorsOf', () => {
  it('shows the gateway’s own codes and messages', () => {
    const error = new ApolloError({ graphQLErrors: [{ message: 'Không có quyền / Forbidden', extensions: { code: 'FORBIDDEN' } } as never] });
    expect(errorsOf(error)).toEqual([{ code: 'FORBIDDEN', message: 'Không có quyền / Forbidden' }]);
  });

  it('says the sign-in service is unreachable when the token could not be refreshed, not that the server is', () => {
    const error = new ApolloError({ networkError: new SignInUnreachable('https://sso.example.vn') });
    const [shown] = errorsOf(error);
    expect(shown.code).toBe('SIGN_IN_UNAVAILABLE');
    expect(shown.message).toContain('https://sso.example.vn');
  });

  it('calls any other failed request a network failure, and a 401 an ended session', () => {
    expect(errorsOf(new ApolloError({ networkError: new TypeError('Failed to fetch') }))).toEqual([{ code: 'NETWORK', message: '' }]);
    expect(errorsOf(new ApolloError({ networkError: Object.assign(new Error('401'), { statusCode: 401 }) }))).toEqual([{ code: 'UNAUTHENTICATED', message: '' }]);
  });
});
