// The layers of src/, bottom to top (docs/architecture.md, "Layers"): each may import
// the ones below it and never one above. `npm run lint:layers` checks them; `npm test`
// runs it.
const FOUNDATION = '^src/(errors|ids|logger|projectRoot|config|engine|encryptionKey)[.]ts$|^src/generated/|^src/model/';
const INFRASTRUCTURE = '^src/(db|cache|events|observability|notifications)/|^src/(redisConnection|shutdown)[.]ts$';
const DOMAIN = '^src/(auth|tenancy|planner|domain|members|provisioning|webhooks|billing|audit|demo|portability)/';
const GRAPHQL = '^src/(schema|graph)/';
const MODULES = '^src/modules/';
const SERVER = '^src/server/';
// services.ts, the type of the composed services, is left out: rule services-type-only.
const COMPOSITION = '^src/(createServices|main)[.]ts$|^src/cli/';
const SERVICES = '^src/services[.]ts$';
// The files `npm run generate` writes to list the modules a build selects: they import
// the modules so that code every build shares need not (src/modules/tenantModule.ts).
const MODULE_REGISTRY = '^src/generated/(selectedModules|moduleEvents)[.]ts$';

const above = (...layers) => layers.join('|');
const rule = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to: { path: to } });

module.exports = {
  forbidden: [
    rule(
      'foundation-not-upward',
      'Errors, ids, logging, config and its formats (engine names, the encryption key), the generated clients and the tenant model are what everything else stands on: they import none of it (config reads the environment, it does not reach into db/ or auth/).',
      { path: FOUNDATION, pathNot: MODULE_REGISTRY },
      above(INFRASTRUCTURE, DOMAIN, GRAPHQL, MODULES, SERVER, COMPOSITION, SERVICES),
    ),
    rule(
      'module-registry-only-modules',
      'The generated module registry lists the selected modules and nothing else: anything more would be a way round the layers.',
      { path: MODULE_REGISTRY },
      above(INFRASTRUCTURE, DOMAIN, GRAPHQL, SERVER, COMPOSITION, SERVICES),
    ),
    rule(
      'infrastructure-not-upward',
      'Databases, cache, event bus, metrics and mail are the means the domain works with: they know nothing of tenants, billing or GraphQL (platform database preparation, which seeds billing plans, is in provisioning/).',
      { path: INFRASTRUCTURE },
      above(DOMAIN, GRAPHQL, MODULES, SERVER, COMPOSITION, SERVICES),
    ),
    rule(
      'domain-not-upward',
      'The platform and tenant rules (auth, tenancy, planner, provisioning, billing, webhooks, ...) hold whatever calls them: the GraphQL layer, the server, the CLI. They import no schema/, graph/, modules/ or server/ code; they take the services they use, typed from services.ts.',
      { path: DOMAIN },
      above(GRAPHQL, MODULES, SERVER, COMPOSITION),
    ),
    rule(
      'graphql-not-upward',
      'schema/ and the generated graph (graph/) are the GraphQL layer over the domain; the built-in modules add their resolvers to it through the generated module registry, never by being imported, and the server serves it.',
      { path: GRAPHQL },
      above(MODULES, SERVER, COMPOSITION),
    ),
    rule(
      'modules-not-upward',
      "A built-in module (its domain rules and its resolvers) stands on the GraphQL layer and the domain; the server and the composition are no module's business.",
      { path: MODULES },
      above(SERVER, COMPOSITION),
    ),
    rule(
      'server-not-upward',
      'The server (HTTP, WebSocket, Apollo plugins) is started by main.ts and the CLI with the services they composed; it does not compose them itself.',
      { path: SERVER },
      COMPOSITION,
    ),
    {
      name: 'services-type-only',
      comment:
        'services.ts is the type of what createServices.ts composes: code below the composition names the services it uses (Pick<Services, ...>) and imports the type, never the composition.',
      severity: 'error',
      from: { pathNot: '^src/(createServices|main)[.]ts$|^src/cli/' },
      to: { path: SERVICES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment:
        'Modules that load each other depend on the order they happen to load in. Type-only imports are erased and do not count; nor do cycles through the generated module registry, the one way shared code (plan limits) reaches the selected modules that call it back.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { pathNot: MODULE_REGISTRY, dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^src/generated/(platform|tenant|tenant-mysql)/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
