// What a first visit shows: a tenant query with a note on how to authenticate it,
// a login tab, and headers that name both Authorization and X-Tenant.
import type { ExplorerPageConfig } from '../../src/server/explorer/pageConfig';

const TENANT_QUERY = `# tenantgraph: one GraphQL endpoint over every tenant's own database.
#
# Tenant fields need two headers (Headers tab below):
#   "Authorization": "Bearer <token>"   from the login mutation (second tab)
#   "X-Tenant": "<tenant slug>"
# A header still showing its <example> text is not sent.
#
# Press the run button (or Ctrl-Enter). Docs: the book icon on the left.

query Products {
  products(first: 5) {
    totalCount
    edges {
      node { sku name kind price stock category { name } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const LOGIN = (email: string, password: string) => `# Sign in, then copy the token into the Authorization header:
#   "Authorization": "Bearer <the token>"

mutation SignIn {
  login(email: "${email}", password: "${password}") {
    token
    user { email memberships { role tenant { slug name } } }
  }
}
`;

export function starterHeaders(tenant: string): string {
  return JSON.stringify({ Authorization: 'Bearer <token from the login mutation>', 'X-Tenant': tenant }, null, 2);
}

export function starterTabs(config: ExplorerPageConfig) {
  const headers = starterHeaders(config.exampleTenant);
  const login = config.demo ? LOGIN(config.demo.logins[0].email, config.demo.password) : LOGIN('you@example.com', '<your password>');
  return [
    { query: TENANT_QUERY, headers },
    { query: login, headers },
  ];
}
