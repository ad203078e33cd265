// Runs a FAILED job again (retryProvisioning); says why when the gateway refuses.
import { useState } from 'react';
import { must } from './api';

const RETRY = 'mutation ConsoleRetry($jobId: ID!) { retryProvisioning(jobId: $jobId) { id status } }';

export function RetryButton({ jobId, onRetried }: { jobId: string; onRetried: () => void }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const retry = async () => {
    setState({ busy: true, error: null });
    try {
      await must(RETRY, { jobId });
      setState({ busy: false, error: null });
      onRetried();
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };
  return (
    <>
      <button disabled={state.busy} onClick={retry}>
        Retry
      </button>
      {state.error && <span className="error"> {state.error}</span>}
    </>
  );
}
