// Load from a second process: wrk (Debian package `wrk`) posting one GraphQL operation,
// or a mix of them, to one tenant or spread over many (each request names its tenant in
// X-Tenant), the same body each time or with a fresh UUID in each (for mutations that
// create rows).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { v7 as uuidv7 } from 'uuid';

/** Written in a body, replaced by a UUID of its own in each request (the same one wherever it occurs). */
export const FRESH_ID = '__FRESH_ID__';

export interface LoadResult {
  /** How long the run lasted, by wrk's own clock. */
  seconds: number;
  /** Requests answered in the run. */
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The failures by GraphQL error code (`extensions.code`), or `HTTP <status>`. */
  errorsByCode: Record<string, number>;
}

export interface Spread {
  tenants: string[];
  /** Skewed traffic: this share of the requests goes to the first `hotTenants` tenants (e.g. 0.9 to a tenth). */
  hot?: { tenants: number; share: number };
}

/** Throws, saying how to install it, when wrk is missing. */
export function assertWrkInstalled(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // `wrk --version` exits with 1: only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('wrk is not installed: apt-get install wrk');
  }
}

const toMs = (value: string) => {
  const n = parseFloat(value);
  return value.endsWith('us') ? n / 1000 : value.endsWith('ms') ? n : n * 1000;
};

const UNIT_SECONDS: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** wrk's run length, "700.12ms", "12.03s", "1.50m" or "1.00h", in seconds. */
const toSeconds = (value: string) => parseFloat(value) * (UNIT_SECONDS[/[a-z]*$/.exec(value)![0]] ?? 1);

/**
 * Lua whose `fresh()` answers a different UUID at each call: the first 24 characters
 * of a UUIDv7 of this run (its time and randomness), then a counter, so no two
 * requests of any run share one and the rows they create sort after older ones.
 */
function freshIdScript(): string[] {
  return [`local freshPrefix, freshCount = ${JSON.stringify(uuidv7().slice(0, 24))}, 0`, 'local function fresh()', '  freshCount = freshCount + 1', "  return string.format('%s%012x', freshPrefix, freshCount)", 'end'];
}

/**
 * A Lua `request` hook that names a random tenant (of the hot ones or the rest) in every
 * request, posts one of `bodies` at random, and gives each its own UUID for FRESH_ID.
 */
function requestScript(spread: Spread | undefined, bodies: string[]): string {
  const lines = ['request = function()'];
  if (spread) {
    const { tenants, hot } = spread;
    const hotCount = hot ? Math.max(1, Math.min(hot.tenants, tenants.length - 1)) : tenants.length;
    lines.unshift(`local tenants = {${tenants.map((t) => JSON.stringify(t)).join(',')}}`, `local hot, share = ${hotCount}, ${hot ? hot.share : 1}`);
    lines.push(
      '  local i',
      '  if math.random() < share then i = math.random(1, hot) else i = math.random(hot + 1, #tenants) end',
      '  wrk.headers["x-tenant"] = tenants[i]',
    );
  }
  if (bodies.length > 1) {
    lines.unshift(`local bodies = {${bodies.map((b) => JSON.stringify(b)).join(',')}}`);
    lines.push('  wrk.body = bodies[math.random(1, #bodies)]');
  }
  if (bodies.some((b) => b.includes(FRESH_ID))) {
    lines.unshift(...freshIdScript());
    lines.push(`  return wrk.format(nil, nil, nil, (string.gsub(wrk.body, ${JSON.stringify(FRESH_ID)}, fresh())))`, 'end');
    return lines.join('\n');
  }
  return [...lines, '  return wrk.format()', 'end'].join('\n');
}

export async function runLoad(options: {
  url: string;
  /** The operation posted, or operations posted at random (repeat one to weigh it). */
  body: string | string[];
  headers: Record<string, string>;
  /** The longest it runs. */
  seconds: number;
  connections: number;
  spread?: Spread;
  /** Ends the run early when it settles: wrk stops at SIGINT and reports what it measured until then. */
  until?: Promise<unknown>;
  /** Each connection waits this long after an answer before its next request: clients at their own pace, which leave the server room, not a flood. */
  pauseMs?: number;
}): Promise<LoadResult> {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'wrk-')), 'post.lua');
  const headers = Object.entries({ 'content-type': 'application/json', ...options.headers })
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  const bodies = [options.body].flat();
  // Count responses that carry GraphQL errors as failures, not as throughput, by code.
  writeFileSync(
    script,
    `wrk.method = "POST"\n${headers}\nwrk.body = ${JSON.stringify(bodies[0])}\nlocal codes = {}\n` +
      `response = function(status, headers, body)\n` +
      `  local code\n` +
      `  if status ~= 200 then code = "HTTP " .. status\n` +
      `  elseif string.find(body, '"errors"', 1, true) then code = string.match(body, '"code":"([%w_]+)"') or "no code" end\n` +
      `  if code then codes[code] = (codes[code] or 0) + 1 end\n` +
      `end\n` +
      `done = function() for code, n in pairs(codes) do io.write("error-code: " .. code .. "=" .. n .. "\\n") end end\n` +
      (options.pauseMs ? `delay = function() return ${options.pauseMs} end\n` : '') +
      (options.spread || bodies.length > 1 || bodies[0].includes(FRESH_ID) ? `${requestScript(options.spread, bodies)}\n` : ''),
  );
  const run = promisify(execFile)('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, options.url], { maxBuffer: 1 << 24 });
  const stop = () => void run.child.kill('SIGINT');
  options.until?.then(stop, stop);
  const { stdout } = await run;
  // wrk runs the Lua hooks per thread; with one thread the count is exact.
  const field = (re: RegExp) => re.exec(stdout)?.[1] ?? '0';
  const errorsByCode = Object.fromEntries([...stdout.matchAll(/^error-code: (.+)=(\d+)$/gm)].map(([, code, n]) => [code, Number(n)]));
  // Requests that got no answer at all (wrk's socket errors) fail too.
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  for (const [i, kind] of ['connect', 'read', 'write', 'timeout'].entries()) {
    if (socket && Number(socket[i + 1]) > 0) errorsByCode[`socket ${kind}`] = Number(socket[i + 1]);
  }
  return {
    seconds: toSeconds(field(/requests in ([\d.]+[a-z]+),/)),
    requests: parseInt(field(/(\d+) requests in/), 10),
    requestsPerSecond: parseFloat(field(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(field(/50%\s+([\d.]+\w+)/)),
    p99Ms: toMs(field(/99%\s+([\d.]+\w+)/)),
    errors: Object.values(errorsByCode).reduce((a, b) => a + b, 0),
    errorsByCode,
  };
}
