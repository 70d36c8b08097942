import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { Session } from '../auth/session';

/**
 * The one gateway, every request carrying a fresh access token. Entities are not normalised
 * across dates (the same unit differs by `asOf`), so results are cached per query and variables.
 */
export function gatewayClient(gatewayUrl: string, session: Session): ApolloClient<unknown> {
  const link = new HttpLink({
    uri: gatewayUrl,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('authorization', `Bearer ${await session.token()}`);
      headers.set('accept-language', localStorage.getItem('console.language') === 'en' ? 'en' : 'vi');
      return fetch(input, { ...init, headers });
    },
  });
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies: { Query: { keyFields: false } }, dataIdFromObject: () => undefined }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' }, query: { errorPolicy: 'all' }, mutate: { errorPolicy: 'none' } },
  });
}
