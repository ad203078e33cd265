// What a first visit shows: a tenant query with a note on how to authenticate it,
// a login tab, and headers that name both Authorization and X-Tenant.
import type { ExplorerPageConfig } from '../../src/server/explorer/pageConfig';

const TENANT_QUERY = `# The tenantgraph explorer.
#
# Tenant fields need two headers
# (Headers, below):
#   Authorization: Bearer <token>
#   X-Tenant: <tenant slug>
# Get a token in the SignIn tab (or,
# in demo mode, pick a demo login on
# the left). A header that still holds
# its <example> text is not sent.
#
# Run: the play button or Ctrl-Enter.
# Docs: the book icon on the left.

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

const LOGIN = (email: string, password: string) => `# Sign in, then put the token in the
# Authorization header: "Bearer <token>"

mutation SignIn {
  login(email: "${email}", password: "${password}") {
    token
    user { email memberships { role tenant { slug name } } }
  }
}
`;

/** The Authorization a tab shows while no one is signed in. */
export const TOKEN_PLACEHOLDER = 'Bearer <token from the login mutation>';

export function starterHeaders(tenant: string): string {
  return JSON.stringify({ Authorization: TOKEN_PLACEHOLDER, 'X-Tenant': tenant }, null, 2);
}

export function starterTabs(config: ExplorerPageConfig) {
  const headers = starterHeaders(config.exampleTenant);
  const login = config.demo ? LOGIN(config.demo.logins[0].email, config.demo.password) : LOGIN('you@example.com', '<your password>');
  return [
    { query: TENANT_QUERY, headers },
    { query: login, headers },
  ];
}
