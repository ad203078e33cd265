// Load from a second process: wrk (Debian package `wrk`) posting one GraphQL operation,
// to one tenant or spread over many (each request names its tenant in X-Tenant), the
// same body each time or with a fresh UUID in each (for mutations that create rows).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { v7 as uuidv7 } from 'uuid';

/** Written in a body, replaced by a UUID of its own in each request (the same one wherever it occurs). */
export const FRESH_ID = '__FRESH_ID__';

export interface LoadResult {
  /** Requests answered in the run. */
  requests: number;
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

/** Lua that picks a random tenant (of the hot ones or the rest) for each request, as `tenant()`. */
function spreadScript({ tenants, hot }: Spread): string {
  const hotCount = hot ? Math.max(1, Math.min(hot.tenants, tenants.length - 1)) : tenants.length;
  return [
    `local tenants = {${tenants.map((t) => JSON.stringify(t)).join(',')}}`,
    `local hot, share = ${hotCount}, ${hot ? hot.share : 1}`,
    'local function tenant()',
    '  if math.random() < share then return tenants[math.random(1, hot)] end',
    '  return tenants[math.random(hot + 1, #tenants)]',
    'end',
  ].join('\n');
}

/**
 * Lua whose `fresh()` answers a different UUID at each call: the first 24 characters
 * of a UUIDv7 of this run (its time and randomness), then a counter, so no two
 * requests of any run share one and the rows they create sort after older ones.
 */
function freshIdScript(): string {
  return [`local freshPrefix, freshCount = ${JSON.stringify(uuidv7().slice(0, 24))}, 0`, 'local function fresh()', '  freshCount = freshCount + 1', "  return string.format('%s%012x', freshPrefix, freshCount)", 'end'].join('\n');
}

/** A Lua `request` hook, when requests differ: each names its tenant, or carries a fresh id. */
function requestScript(body: string, spread: Spread | undefined): string {
  const fresh = body.includes(FRESH_ID);
  if (!spread && !fresh) return '';
  return [
    spread ? spreadScript(spread) : '',
    fresh ? freshIdScript() : '',
    'request = function()',
    spread ? '  wrk.headers["x-tenant"] = tenant()' : '',
    fresh ? `  return wrk.format(nil, nil, nil, (string.gsub(wrk.body, ${JSON.stringify(FRESH_ID)}, fresh())))` : '  return wrk.format()',
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
      `${requestScript(options.body, options.spread)}\n`,
  );
  const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, options.url], { maxBuffer: 1 << 24 });
  // wrk runs the Lua hooks per thread; with one thread the count is exact.
  const field = (re: RegExp) => re.exec(stdout)?.[1] ?? '0';
  return {
    requests: parseInt(field(/(\d+) requests in/), 10),
    requestsPerSecond: parseFloat(field(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(field(/50%\s+([\d.]+\w+)/)),
    p99Ms: toMs(field(/99%\s+([\d.]+\w+)/)),
    // Answers with GraphQL errors or a bad status, and requests wrk gave up on (no answer within 2 s, or a broken connection).
    errors: parseInt(field(/graphql-errors: (\d+)/), 10) + (/Socket errors: (.*)/.exec(stdout)?.[1].match(/\d+/g) ?? []).reduce((n, count) => n + Number(count), 0),
  };
}
