// Which view is open, from the page's #fragment: #/tenants, #/tenants/<slug>, #/jobs,
// #/servers, #/usage. A link or the back button changes it; nothing reloads.
import { useSyncExternalStore } from 'react';

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useHashRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return parts.length ? parts : ['tenants'];
}
