import { useCallback, useEffect, useState } from 'react';

/** The console's views; each is a path, its state (unit, dates, search) in the query string. */
export const VIEWS = ['territory', 'organizations', 'statistics', 'people', 'evaluations', 'plans', 'proposals', 'users', 'audit'] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: URLSearchParams;
}

const read = (): Route => {
  const name = window.location.pathname.replace(/^\/+/, '').split('/')[0];
  const view = (VIEWS as readonly string[]).includes(name) ? (name as View) : 'territory';
  return { view, params: new URLSearchParams(window.location.search) };
};

/** The route in the address bar (so a view can be bookmarked and shared), and a way to move. */
export function useRoute(): [Route, (view: View, changes?: Record<string, string | null>) => void] {
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const go = useCallback((view: View, changes: Record<string, string | null> = {}) => {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') params.delete(key);
      else params.set(key, value);
    }
    const search = params.toString();
    window.history.pushState(null, '', `/${view}${search ? `?${search}` : ''}`);
    setRoute(read());
  }, []);
  return [route, go];
}
