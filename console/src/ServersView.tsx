// Each database server (and the pooler in front of it, if any) with its tenants,
// this gateway process's open and idle connections against the pool's cap, requests
// that waited or gave up waiting, and whether it answers now. Platform admins only.
import { ask } from './api';
import { UseBar } from './Bars';
import { count } from './format';
import { useAnswer } from './useAnswer';
import { Problems } from './Problems';

interface Server {
  name: string;
  engine: string;
  pooled: boolean;
  tenants: number;
  openConnections: number;
  idleConnections: number;
  maxConnections: number;
  waiting: number;
  waits: number;
  timeouts: number;
  reachable: boolean;
  poolerReachable: boolean | null;
}

const SERVERS = 'query ConsoleServers { databaseServers { name engine pooled tenants openConnections idleConnections maxConnections waiting waits timeouts reachable poolerReachable } }';

export function ServersView() {
  const { answer, failure, reload } = useAnswer('servers', () => ask<{ databaseServers: Server[] }>(SERVERS));
  return (
    <section>
      <h1>Servers</h1>
      <div className="toolbar">
        <button onClick={reload}>Refresh</button>
        <span className="muted">Connections are this gateway process’s; every process has its own pools.</span>
      </div>
      <Problems failure={failure} errors={answer?.errors} alert />
      <table className="servers">
        <thead>
          <tr>
            <th>Server</th>
            <th>Engine</th>
            <th>Pooler</th>
            <th>Tenants</th>
            <th>Open / cap</th>
            <th>Idle</th>
            <th>Waiting now</th>
            <th>Waits</th>
            <th>Timeouts</th>
            <th>Reachable</th>
          </tr>
        </thead>
        <tbody>
          {answer?.data?.databaseServers.map((s) => (
            <tr key={s.name} data-server={s.name}>
              <td>{s.name}</td>
              <td>{s.engine}</td>
              <td>{s.poolerReachable === null ? '–' : <span className={`status ${s.poolerReachable ? 'ACTIVE' : 'FAILED'}`}>{s.poolerReachable ? 'reachable' : 'down'}</span>}</td>
              <td>{count(s.tenants)}</td>
              <td>
                <UseBar used={s.openConnections} limit={s.maxConnections} />
              </td>
              <td>{count(s.idleConnections)}</td>
              <td>{count(s.waiting)}</td>
              <td>{count(s.waits)}</td>
              <td className={s.timeouts ? 'error' : ''}>{count(s.timeouts)}</td>
              <td>
                <span className={`status ${s.reachable ? 'ACTIVE' : 'FAILED'}`}>{s.reachable ? 'yes' : 'no'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
