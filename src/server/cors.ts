// Cross-origin calls to /graphql from browser apps served elsewhere: a SaaS front end
// on app.example.com calling the gateway on api.example.com, or each tenant's
// <slug>.example.com. Only the origins in CORS_ORIGINS get CORS headers; with none
// (the default) only pages of the gateway's own origin, like the explorer, can call.
// Credentials travel in the Authorization and X-Tenant headers, never in cookies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** Sets the CORS headers of a request; true when that answered it (a preflight). */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `https://*.example.com` allows the subdomains of example.com (any depth), not example.com itself. */
function originMatcher(origin: string): string | RegExp {
  const star = origin.indexOf('://*.');
  if (star === -1) return origin;
  return new RegExp(`^${escape(origin.slice(0, star + 3))}[a-z0-9-]+(\\.[a-z0-9-]+)*${escape(origin.slice(star + 4))}$`);
}

export function corsHandler(origins: string[]): CorsHandler | undefined {
  if (origins.length === 0) return undefined;
  const middleware = cors({
    origin: origins.includes('*') ? '*' : origins.map(originMatcher),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-tenant', 'x-api-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  return (req, res) => {
    // With a fixed list of origins the middleware runs synchronously: it either
    // calls `next` (a request to serve) or ends the response (a preflight).
    let passedOn = false;
    middleware(req, res, () => (passedOn = true));
    return !passedOn;
  };
}
