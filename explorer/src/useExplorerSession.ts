// The explorer's session (session.ts) as React state: a view re-renders when a tab,
// this one or another, signs in, refreshes or signs out.
import { useMemo, useSyncExternalStore } from 'react';
import { onSessionChange, parseSession, storedSessionText, type StoredSession } from './session';

export function useExplorerSession(): StoredSession | null {
  // The stored text is the snapshot: equal text, same session, no re-render.
  const text = useSyncExternalStore(onSessionChange, storedSessionText);
  return useMemo(() => parseSession(text), [text]);
}
