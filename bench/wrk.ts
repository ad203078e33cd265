// Load from a second process: wrk (Debian package `wrk`) posting one GraphQL operation,
// to one tenant or spread over many (each request names its tenant in X-Tenant).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface Spread {
  tenants: string[];
  /** Skewed traffic: this share of the requests goes to the first `hotTenants` tenants (e.g. 0.9 to a tenth). */
  hot?: { tenants: number; share: number };
}

const toMs = (value: string) => {
  const n = parseFloat(value);
  return value.endsWith('us') ? n / 1000 : value.endsWith('ms') ? n : n * 1000;
};

/** A Lua `request` hook that names a random tenant (of the hot ones or the rest) in every request. */
function spreadScript({ tenants, hot }: Spread): string {
  const hotCount = hot ? Math.max(1, Math.min(hot.tenants, tenants.length - 1)) : tenants.length;
  return [
    `local tenants = {${tenants.map((t) => JSON.stringify(t)).join(',')}}`,
    `local hot, share = ${hotCount}, ${hot ? hot.share : 1}`,
    'request = function()',
    '  local i',
    '  if math.random() < share then i = math.random(1, hot) else i = math.random(hot + 1, #tenants) end',
    '  wrk.headers["x-tenant"] = tenants[i]',
    '  return wrk.format()',
    'end',
  ].join('\n');
}

export async function runLoad(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
  spread?: Spread;
}): Promise<LoadResult> {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'wrk-')), 'post.lua');
  const headers = Object.entries({ 'content-type': 'application/json', ...options.headers })
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  // Count responses that carry GraphQL errors as failures, not as throughput.
  writeFileSync(
    script,
    `wrk.method = "POST"\n${headers}\nwrk.body = ${JSON.stringify(options.body)}\nlocal bad = 0\n` +
      `response = function(status, headers, body) if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end end\n` +
      `done = function() io.write("graphql-errors: " .. bad .. "\\n") end\n` +
      (options.spread ? `${spreadScript(options.spread)}\n` : ''),
  );
  const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, options.url], { maxBuffer: 1 << 24 });
  // wrk runs the Lua hooks per thread; with one thread the count is exact.
  const field = (re: RegExp) => re.exec(stdout)?.[1] ?? '0';
  return {
    requestsPerSecond: parseFloat(field(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(field(/50%\s+([\d.]+\w+)/)),
    p99Ms: toMs(field(/99%\s+([\d.]+\w+)/)),
    errors: parseInt(field(/graphql-errors: (\d+)/), 10) + parseInt(field(/Non-2xx or 3xx responses: (\d+)/), 10),
  };
}
