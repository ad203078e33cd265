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
  products(first: 5, orderBy: [PRICE_DESC]) {
    totalCount
    nodes { sku name kind price stock category { name } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const GRAPH_TOUR = `# Every list of the tenant graph takes
# first/after and last/before (pages both
# ways), orderBy (ties broken by id) and
# where (per column, relations, and/or/not),
# and answers nodes or edges, totalCount,
# aggregates and groupedAggregates.
# Every relation goes both ways: a
# customer's invoices, an invoice's customer.

query GraphTour {
  customers(first: 5, where: { invoices: { some: {} } }) {
    nodes {
      name
      invoices(last: 3, orderBy: [ISSUE_DATE_ASC]) {
        nodes { number issueDate status total }
        aggregates { count sum { total } }
      }
    }
  }
  invoices(where: { status: { in: [ISSUED, PAID] } }) {
    totalCount
    groupedAggregates(groupBy: [STATUS]) { keys count sum { total } avg { total } }
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
    { query: GRAPH_TOUR, headers },
    { query: login, headers },
  ];
}
