/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!, $tenant: String) {\n  login(email: $email, password: $password, tenant: $tenant) {\n    token\n    user {\n      id\n      email\n      isPlatformAdmin\n    }\n  }\n}\n\nquery Me {\n  me {\n    email\n    name\n    memberships {\n      role\n      tenant {\n        slug\n        name\n        status\n      }\n    }\n  }\n}": typeof types.SignUpDocument,
    "query ProductsPage($first: Int = 20, $after: String, $orderBy: [ProductOrderBy!], $where: ProductWhere, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    orderBy: $orderBy\n    where: $where\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        kind\n        price\n        stock\n        unit\n        category {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StockByKind {\n  products(where: {trackStock: {eq: true}}) {\n    groupedAggregates(groupBy: [KIND]) {\n      keys\n      count\n      sum {\n        stock\n      }\n      avg {\n        price\n      }\n    }\n  }\n}\n\nquery ProductById($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    kind\n    price\n    cost\n    stock\n    attributes\n  }\n}\n\nmutation CreateProduct($input: ProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation DeleteProduct($id: ID!) {\n  deleteProduct(id: $id)\n}": typeof types.ProductsPageDocument,
    "query CustomersPage($first: Int = 20, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        phone\n        email\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCustomer($input: CustomerInput!) {\n  createCustomer(input: $input) {\n    id\n    name\n  }\n}\n\nquery InvoicesPage($first: Int = 10, $after: String, $filter: InvoiceFilter) {\n  invoices(first: $first, after: $after, filter: $filter) {\n    totalCount\n    edges {\n      node {\n        id\n        number\n        kind\n        status\n        total\n        issueDate\n        customer {\n          name\n        }\n        items {\n          nodes {\n            description\n            quantity\n            unitPrice\n            lineTotal\n            product {\n              sku\n              category {\n                name\n              }\n            }\n          }\n        }\n        payments {\n          nodes {\n            amount\n            method\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CustomerBalance($id: ID!) {\n  customer(id: $id) {\n    name\n    invoices(where: {status: {in: [ISSUED, PARTIALLY_PAID]}}, orderBy: [TOTAL_DESC]) {\n      totalCount\n      aggregates {\n        sum {\n          total\n          amountPaid\n        }\n      }\n      nodes {\n        number\n        total\n        amountPaid\n        dueDate\n      }\n    }\n  }\n}\n\nmutation CreateInvoice($input: InvoiceInput!) {\n  createInvoice(input: $input) {\n    id\n    number\n    total\n    status\n  }\n}\n\nquery SalesSummary($from: DateOrDateTime!, $to: DateOrDateTime!, $groupBy: SalesGrouping = MONTH) {\n  salesReport(from: $from, to: $to, groupBy: $groupBy) {\n    count\n    revenue\n    average\n    periods {\n      period\n      count\n      revenue\n      average\n    }\n  }\n  topProducts(from: $from, to: $to, limit: 5) {\n    product {\n      sku\n      name\n    }\n    revenue\n    units\n    invoices\n  }\n}": typeof types.CustomersPageDocument,
    "query MyTenants {\n  tenants(first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      status\n      isolation\n      plan {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Plans {\n  plans {\n    code\n    name\n    monthlyPrice\n    annualPrice\n    maxProducts\n    trialDays\n  }\n}": typeof types.MyTenantsDocument,
    "mutation AuthSignUp($input: SignUpInput!) { signUp(input: $input) { token user { email name isPlatformAdmin memberships { role } } } }": typeof types.AuthSignUpDocument,
    "mutation AuthLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }": typeof types.AuthLoginDocument,
    "query AuthMe { me { email } }": typeof types.AuthMeDocument,
    "query AuthTenants { tenants { nodes { slug status plan { code } } } }": typeof types.AuthTenantsDocument,
    "query AuthTenant($slug: String!) { tenant(slug: $slug) { name } }": typeof types.AuthTenantDocument,
    "query AuthMemberships { me { memberships { role tenant { slug } } } }": typeof types.AuthMembershipsDocument,
    "query BadInputProductCount { products { totalCount } }": typeof types.BadInputProductCountDocument,
    "mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }": typeof types.BadInputCreateProductDocument,
    "query BadInputPlans { plans { code } }": typeof types.BadInputPlansDocument,
    "mutation ThrottledLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }": typeof types.ThrottledLoginDocument,
    "mutation LogsSignUp($input: SignUpInput!) { signUp(input: $input) { token } }": typeof types.LogsSignUpDocument,
    "mutation LogsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }": typeof types.LogsLoginDocument,
    "query LogsProducts { products { totalCount } }": typeof types.LogsProductsDocument,
    "query OperationsProducts { products { totalCount } }": typeof types.OperationsProductsDocument,
    "mutation SharedPoolsCreate($sku: String!) { createProduct(input: { sku: $sku, name: $sku, kind: GOODS, price: \"1.50\" }) { id } }": typeof types.SharedPoolsCreateDocument,
    "query SharedPoolsSkus { products { totalCount edges { node { sku price category { name } } } } }": typeof types.SharedPoolsSkusDocument,
    "query SharedPoolsSales { salesReport(from: \"2026-01-01\", to: \"2027-01-01\", groupBy: MONTH) { count } }": typeof types.SharedPoolsSalesDocument,
    "query BatchingInvoices($n: Int!) {\n    invoices(first: $n) { edges { node {\n      customer { name }\n      items { nodes { product { category { name } } } }\n      payments { nodes { amount } }\n    } } }\n  }": typeof types.BatchingInvoicesDocument,
    "mutation IsolationCreateProduct($input: ProductInput!) { createProduct(input: $input) { id sku name } }": typeof types.IsolationCreateProductDocument,
    "query IsolationProducts { products { totalCount edges { node { id sku name } } } }": typeof types.IsolationProductsDocument,
    "query IsolationProduct($id: ID!) { product(id: $id) { name } }": typeof types.IsolationProductDocument,
    "mutation IsolationLogin($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }": typeof types.IsolationLoginDocument,
};
const documents: Documents = {
    "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!, $tenant: String) {\n  login(email: $email, password: $password, tenant: $tenant) {\n    token\n    user {\n      id\n      email\n      isPlatformAdmin\n    }\n  }\n}\n\nquery Me {\n  me {\n    email\n    name\n    memberships {\n      role\n      tenant {\n        slug\n        name\n        status\n      }\n    }\n  }\n}": types.SignUpDocument,
    "query ProductsPage($first: Int = 20, $after: String, $orderBy: [ProductOrderBy!], $where: ProductWhere, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    orderBy: $orderBy\n    where: $where\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        kind\n        price\n        stock\n        unit\n        category {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StockByKind {\n  products(where: {trackStock: {eq: true}}) {\n    groupedAggregates(groupBy: [KIND]) {\n      keys\n      count\n      sum {\n        stock\n      }\n      avg {\n        price\n      }\n    }\n  }\n}\n\nquery ProductById($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    kind\n    price\n    cost\n    stock\n    attributes\n  }\n}\n\nmutation CreateProduct($input: ProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation DeleteProduct($id: ID!) {\n  deleteProduct(id: $id)\n}": types.ProductsPageDocument,
    "query CustomersPage($first: Int = 20, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        phone\n        email\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCustomer($input: CustomerInput!) {\n  createCustomer(input: $input) {\n    id\n    name\n  }\n}\n\nquery InvoicesPage($first: Int = 10, $after: String, $filter: InvoiceFilter) {\n  invoices(first: $first, after: $after, filter: $filter) {\n    totalCount\n    edges {\n      node {\n        id\n        number\n        kind\n        status\n        total\n        issueDate\n        customer {\n          name\n        }\n        items {\n          nodes {\n            description\n            quantity\n            unitPrice\n            lineTotal\n            product {\n              sku\n              category {\n                name\n              }\n            }\n          }\n        }\n        payments {\n          nodes {\n            amount\n            method\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CustomerBalance($id: ID!) {\n  customer(id: $id) {\n    name\n    invoices(where: {status: {in: [ISSUED, PARTIALLY_PAID]}}, orderBy: [TOTAL_DESC]) {\n      totalCount\n      aggregates {\n        sum {\n          total\n          amountPaid\n        }\n      }\n      nodes {\n        number\n        total\n        amountPaid\n        dueDate\n      }\n    }\n  }\n}\n\nmutation CreateInvoice($input: InvoiceInput!) {\n  createInvoice(input: $input) {\n    id\n    number\n    total\n    status\n  }\n}\n\nquery SalesSummary($from: DateOrDateTime!, $to: DateOrDateTime!, $groupBy: SalesGrouping = MONTH) {\n  salesReport(from: $from, to: $to, groupBy: $groupBy) {\n    count\n    revenue\n    average\n    periods {\n      period\n      count\n      revenue\n      average\n    }\n  }\n  topProducts(from: $from, to: $to, limit: 5) {\n    product {\n      sku\n      name\n    }\n    revenue\n    units\n    invoices\n  }\n}": types.CustomersPageDocument,
    "query MyTenants {\n  tenants(first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      status\n      isolation\n      plan {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Plans {\n  plans {\n    code\n    name\n    monthlyPrice\n    annualPrice\n    maxProducts\n    trialDays\n  }\n}": types.MyTenantsDocument,
    "mutation AuthSignUp($input: SignUpInput!) { signUp(input: $input) { token user { email name isPlatformAdmin memberships { role } } } }": types.AuthSignUpDocument,
    "mutation AuthLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }": types.AuthLoginDocument,
    "query AuthMe { me { email } }": types.AuthMeDocument,
    "query AuthTenants { tenants { nodes { slug status plan { code } } } }": types.AuthTenantsDocument,
    "query AuthTenant($slug: String!) { tenant(slug: $slug) { name } }": types.AuthTenantDocument,
    "query AuthMemberships { me { memberships { role tenant { slug } } } }": types.AuthMembershipsDocument,
    "query BadInputProductCount { products { totalCount } }": types.BadInputProductCountDocument,
    "mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }": types.BadInputCreateProductDocument,
    "query BadInputPlans { plans { code } }": types.BadInputPlansDocument,
    "mutation ThrottledLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }": types.ThrottledLoginDocument,
    "mutation LogsSignUp($input: SignUpInput!) { signUp(input: $input) { token } }": types.LogsSignUpDocument,
    "mutation LogsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }": types.LogsLoginDocument,
    "query LogsProducts { products { totalCount } }": types.LogsProductsDocument,
    "query OperationsProducts { products { totalCount } }": types.OperationsProductsDocument,
    "mutation SharedPoolsCreate($sku: String!) { createProduct(input: { sku: $sku, name: $sku, kind: GOODS, price: \"1.50\" }) { id } }": types.SharedPoolsCreateDocument,
    "query SharedPoolsSkus { products { totalCount edges { node { sku price category { name } } } } }": types.SharedPoolsSkusDocument,
    "query SharedPoolsSales { salesReport(from: \"2026-01-01\", to: \"2027-01-01\", groupBy: MONTH) { count } }": types.SharedPoolsSalesDocument,
    "query BatchingInvoices($n: Int!) {\n    invoices(first: $n) { edges { node {\n      customer { name }\n      items { nodes { product { category { name } } } }\n      payments { nodes { amount } }\n    } } }\n  }": types.BatchingInvoicesDocument,
    "mutation IsolationCreateProduct($input: ProductInput!) { createProduct(input: $input) { id sku name } }": types.IsolationCreateProductDocument,
    "query IsolationProducts { products { totalCount edges { node { id sku name } } } }": types.IsolationProductsDocument,
    "query IsolationProduct($id: ID!) { product(id: $id) { name } }": types.IsolationProductDocument,
    "mutation IsolationLogin($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }": types.IsolationLoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!, $tenant: String) {\n  login(email: $email, password: $password, tenant: $tenant) {\n    token\n    user {\n      id\n      email\n      isPlatformAdmin\n    }\n  }\n}\n\nquery Me {\n  me {\n    email\n    name\n    memberships {\n      role\n      tenant {\n        slug\n        name\n        status\n      }\n    }\n  }\n}"): (typeof documents)["mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    token\n    user {\n      id\n      email\n      name\n    }\n  }\n}\n\nmutation SignIn($email: String!, $password: String!, $tenant: String) {\n  login(email: $email, password: $password, tenant: $tenant) {\n    token\n    user {\n      id\n      email\n      isPlatformAdmin\n    }\n  }\n}\n\nquery Me {\n  me {\n    email\n    name\n    memberships {\n      role\n      tenant {\n        slug\n        name\n        status\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductsPage($first: Int = 20, $after: String, $orderBy: [ProductOrderBy!], $where: ProductWhere, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    orderBy: $orderBy\n    where: $where\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        kind\n        price\n        stock\n        unit\n        category {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StockByKind {\n  products(where: {trackStock: {eq: true}}) {\n    groupedAggregates(groupBy: [KIND]) {\n      keys\n      count\n      sum {\n        stock\n      }\n      avg {\n        price\n      }\n    }\n  }\n}\n\nquery ProductById($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    kind\n    price\n    cost\n    stock\n    attributes\n  }\n}\n\nmutation CreateProduct($input: ProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation DeleteProduct($id: ID!) {\n  deleteProduct(id: $id)\n}"): (typeof documents)["query ProductsPage($first: Int = 20, $after: String, $orderBy: [ProductOrderBy!], $where: ProductWhere, $filter: ProductFilter) {\n  products(\n    first: $first\n    after: $after\n    orderBy: $orderBy\n    where: $where\n    filter: $filter\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        sku\n        name\n        kind\n        price\n        stock\n        unit\n        category {\n          id\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery StockByKind {\n  products(where: {trackStock: {eq: true}}) {\n    groupedAggregates(groupBy: [KIND]) {\n      keys\n      count\n      sum {\n        stock\n      }\n      avg {\n        price\n      }\n    }\n  }\n}\n\nquery ProductById($id: ID!) {\n  product(id: $id) {\n    id\n    sku\n    name\n    description\n    kind\n    price\n    cost\n    stock\n    attributes\n  }\n}\n\nmutation CreateProduct($input: ProductInput!) {\n  createProduct(input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation UpdateProduct($id: ID!, $input: ProductUpdateInput!) {\n  updateProduct(id: $id, input: $input) {\n    id\n    sku\n    name\n    price\n  }\n}\n\nmutation DeleteProduct($id: ID!) {\n  deleteProduct(id: $id)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CustomersPage($first: Int = 20, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        phone\n        email\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCustomer($input: CustomerInput!) {\n  createCustomer(input: $input) {\n    id\n    name\n  }\n}\n\nquery InvoicesPage($first: Int = 10, $after: String, $filter: InvoiceFilter) {\n  invoices(first: $first, after: $after, filter: $filter) {\n    totalCount\n    edges {\n      node {\n        id\n        number\n        kind\n        status\n        total\n        issueDate\n        customer {\n          name\n        }\n        items {\n          nodes {\n            description\n            quantity\n            unitPrice\n            lineTotal\n            product {\n              sku\n              category {\n                name\n              }\n            }\n          }\n        }\n        payments {\n          nodes {\n            amount\n            method\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CustomerBalance($id: ID!) {\n  customer(id: $id) {\n    name\n    invoices(where: {status: {in: [ISSUED, PARTIALLY_PAID]}}, orderBy: [TOTAL_DESC]) {\n      totalCount\n      aggregates {\n        sum {\n          total\n          amountPaid\n        }\n      }\n      nodes {\n        number\n        total\n        amountPaid\n        dueDate\n      }\n    }\n  }\n}\n\nmutation CreateInvoice($input: InvoiceInput!) {\n  createInvoice(input: $input) {\n    id\n    number\n    total\n    status\n  }\n}\n\nquery SalesSummary($from: DateOrDateTime!, $to: DateOrDateTime!, $groupBy: SalesGrouping = MONTH) {\n  salesReport(from: $from, to: $to, groupBy: $groupBy) {\n    count\n    revenue\n    average\n    periods {\n      period\n      count\n      revenue\n      average\n    }\n  }\n  topProducts(from: $from, to: $to, limit: 5) {\n    product {\n      sku\n      name\n    }\n    revenue\n    units\n    invoices\n  }\n}"): (typeof documents)["query CustomersPage($first: Int = 20, $after: String, $search: String) {\n  customers(first: $first, after: $after, search: $search) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        phone\n        email\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nmutation CreateCustomer($input: CustomerInput!) {\n  createCustomer(input: $input) {\n    id\n    name\n  }\n}\n\nquery InvoicesPage($first: Int = 10, $after: String, $filter: InvoiceFilter) {\n  invoices(first: $first, after: $after, filter: $filter) {\n    totalCount\n    edges {\n      node {\n        id\n        number\n        kind\n        status\n        total\n        issueDate\n        customer {\n          name\n        }\n        items {\n          nodes {\n            description\n            quantity\n            unitPrice\n            lineTotal\n            product {\n              sku\n              category {\n                name\n              }\n            }\n          }\n        }\n        payments {\n          nodes {\n            amount\n            method\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery CustomerBalance($id: ID!) {\n  customer(id: $id) {\n    name\n    invoices(where: {status: {in: [ISSUED, PARTIALLY_PAID]}}, orderBy: [TOTAL_DESC]) {\n      totalCount\n      aggregates {\n        sum {\n          total\n          amountPaid\n        }\n      }\n      nodes {\n        number\n        total\n        amountPaid\n        dueDate\n      }\n    }\n  }\n}\n\nmutation CreateInvoice($input: InvoiceInput!) {\n  createInvoice(input: $input) {\n    id\n    number\n    total\n    status\n  }\n}\n\nquery SalesSummary($from: DateOrDateTime!, $to: DateOrDateTime!, $groupBy: SalesGrouping = MONTH) {\n  salesReport(from: $from, to: $to, groupBy: $groupBy) {\n    count\n    revenue\n    average\n    periods {\n      period\n      count\n      revenue\n      average\n    }\n  }\n  topProducts(from: $from, to: $to, limit: 5) {\n    product {\n      sku\n      name\n    }\n    revenue\n    units\n    invoices\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyTenants {\n  tenants(first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      status\n      isolation\n      plan {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Plans {\n  plans {\n    code\n    name\n    monthlyPrice\n    annualPrice\n    maxProducts\n    trialDays\n  }\n}"): (typeof documents)["query MyTenants {\n  tenants(first: 50) {\n    totalCount\n    nodes {\n      slug\n      name\n      status\n      isolation\n      plan {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nquery Plans {\n  plans {\n    code\n    name\n    monthlyPrice\n    annualPrice\n    maxProducts\n    trialDays\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthSignUp($input: SignUpInput!) { signUp(input: $input) { token user { email name isPlatformAdmin memberships { role } } } }"): (typeof documents)["mutation AuthSignUp($input: SignUpInput!) { signUp(input: $input) { token user { email name isPlatformAdmin memberships { role } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }"): (typeof documents)["mutation AuthLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token user { email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthMe { me { email } }"): (typeof documents)["query AuthMe { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthTenants { tenants { nodes { slug status plan { code } } } }"): (typeof documents)["query AuthTenants { tenants { nodes { slug status plan { code } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthTenant($slug: String!) { tenant(slug: $slug) { name } }"): (typeof documents)["query AuthTenant($slug: String!) { tenant(slug: $slug) { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthMemberships { me { memberships { role tenant { slug } } } }"): (typeof documents)["query AuthMemberships { me { memberships { role tenant { slug } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadInputProductCount { products { totalCount } }"): (typeof documents)["query BadInputProductCount { products { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }"): (typeof documents)["mutation BadInputCreateProduct($input: ProductInput!) { createProduct(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadInputPlans { plans { code } }"): (typeof documents)["query BadInputPlans { plans { code } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ThrottledLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }"): (typeof documents)["mutation ThrottledLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogsSignUp($input: SignUpInput!) { signUp(input: $input) { token } }"): (typeof documents)["mutation LogsSignUp($input: SignUpInput!) { signUp(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }"): (typeof documents)["mutation LogsLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LogsProducts { products { totalCount } }"): (typeof documents)["query LogsProducts { products { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OperationsProducts { products { totalCount } }"): (typeof documents)["query OperationsProducts { products { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SharedPoolsCreate($sku: String!) { createProduct(input: { sku: $sku, name: $sku, kind: GOODS, price: \"1.50\" }) { id } }"): (typeof documents)["mutation SharedPoolsCreate($sku: String!) { createProduct(input: { sku: $sku, name: $sku, kind: GOODS, price: \"1.50\" }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SharedPoolsSkus { products { totalCount edges { node { sku price category { name } } } } }"): (typeof documents)["query SharedPoolsSkus { products { totalCount edges { node { sku price category { name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SharedPoolsSales { salesReport(from: \"2026-01-01\", to: \"2027-01-01\", groupBy: MONTH) { count } }"): (typeof documents)["query SharedPoolsSales { salesReport(from: \"2026-01-01\", to: \"2027-01-01\", groupBy: MONTH) { count } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BatchingInvoices($n: Int!) {\n    invoices(first: $n) { edges { node {\n      customer { name }\n      items { nodes { product { category { name } } } }\n      payments { nodes { amount } }\n    } } }\n  }"): (typeof documents)["query BatchingInvoices($n: Int!) {\n    invoices(first: $n) { edges { node {\n      customer { name }\n      items { nodes { product { category { name } } } }\n      payments { nodes { amount } }\n    } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IsolationCreateProduct($input: ProductInput!) { createProduct(input: $input) { id sku name } }"): (typeof documents)["mutation IsolationCreateProduct($input: ProductInput!) { createProduct(input: $input) { id sku name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IsolationProducts { products { totalCount edges { node { id sku name } } } }"): (typeof documents)["query IsolationProducts { products { totalCount edges { node { id sku name } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IsolationProduct($id: ID!) { product(id: $id) { name } }"): (typeof documents)["query IsolationProduct($id: ID!) { product(id: $id) { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IsolationLogin($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }"): (typeof documents)["mutation IsolationLogin($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;