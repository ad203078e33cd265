// A query's answer as React state: loading, then the answer (or why it failed);
// `reload` asks again. Asked again whenever `key` changes.
import { useCallback, useEffect, useState } from 'react';
import type { Answer } from './api';

export interface Loaded<T> {
  answer: Answer<T> | null;
  failure: string | null;
  reload: () => void;
}

export function useAnswer<T>(key: string, load: () => Promise<Answer<T>>): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (next) => current && (setAnswer(next), setFailure(null)),
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
    // `load` is made anew every render; `key` says when what it asks changed.
  }, [key, round]);
  return { answer, failure, reload: useCallback(() => setRound((n) => n + 1), []) };
}
