// What the explorer page tells the browser app, as JSON inside the page. The
// browser bundle (explorer/src) imports this type, so both sides agree on it.

export interface DemoLogin {
  email: string;
  /** What the login may do, e.g. "OWNER of talanou" or "platform admin". */
  label: string;
  /** The tenant the login is for; the platform admin gets the first demo tenant. */
  tenant: string;
}

export interface ExplorerPageConfig {
  /** The GraphQL endpoint, relative to the page; subscriptions use the same path over ws(s). */
  endpoint: string;
  /** URLs of the Monaco web workers by language label ("editor", "json", "graphql"). */
  workers: Record<string, string>;
  /** The tenant the starter headers name. */
  exampleTenant: string;
  /** Set in demo mode only: one-click sign-in for the demo users. */
  demo: { password: string; logins: DemoLogin[] } | null;
}
