// The peer the request benchmark compares with: PostGraphile 5 (amber preset,
// grafserv on node:http) over one tenant database, as its users would run it.
// `node dist/bench/peers/postgraphileServer.js <database url> <port>`; prints
// "listening" once it serves.
import './withResolvers';
import { createServer } from 'node:http';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

async function main() {
  const [connectionString, port] = process.argv.slice(2);
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
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
