// What the console page tells the browser app, as JSON inside the page. The browser
// bundle (console/src) imports this type, so both sides agree on it.
import type { DemoLogin } from '../explorer/pageConfig';

export interface ConsoleManifest {
  js: string;
  css: string;
}

export interface ConsolePageConfig {
  /** The GraphQL endpoint, relative to the page; subscriptions use the same path over ws(s). */
  endpoint: string;
  /** Set in demo mode only: one-click sign-in for the demo users. */
  demo: { password: string; logins: DemoLogin[] } | null;
}
