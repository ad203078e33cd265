// What went wrong with a view's query: the request's failure, and the GraphQL errors of
// an answer that came back (a field the policy refused, say), one paragraph each.
import type { GraphQLIssue } from './api';

export function Problems({ failure, errors = [], alert = false }: { failure: string | null; errors?: GraphQLIssue[]; alert?: boolean }) {
  return (
    <>
      {failure && <p className="error">{failure}</p>}
      {errors.map((e, i) => (
        <p key={i} className="error" role={alert ? 'alert' : undefined}>
          {e.message}
        </p>
      ))}
    </>
  );
}
