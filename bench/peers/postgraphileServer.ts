// The peer the request benchmark compares with: PostGraphile 5 over one tenant
// database, as its users run it: the amber preset, the connection filter plugin
// (`filter:`) and @graphile/pg-aggregates (`aggregates`, `groupedAggregates`), both
// with their default options, grafserv on node:http; run with NODE_ENV=production.
// `node dist/bench/peers/postgraphileServer.js <database url> <port>`; prints
// "listening" once it serves.
import './withResolvers';
import { createServer } from 'node:http';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

async function main() {
  const [connectionString, port] = process.argv.slice(2);
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
    pgServices: [makePgService({ connectionString, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false },
  });
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await new Promise<void>((resolve) => server.listen(Number(port), '127.0.0.1', resolve));
  console.log('listening');
  process.on('SIGTERM', () => {
    server.close();
    void Promise.resolve(pgl.release()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
