// Load from a second process: wrk (Debian package `wrk`) posting one GraphQL operation.
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

const toMs = (value: string) => {
  const n = parseFloat(value);
  return value.endsWith('us') ? n / 1000 : value.endsWith('ms') ? n : n * 1000;
};

export async function runLoad(options: { url: string; body: string; headers: Record<string, string>; seconds: number; connections: number }): Promise<LoadResult> {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'wrk-')), 'post.lua');
  const headers = Object.entries({ 'content-type': 'application/json', ...options.headers })
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
    .join('\n');
  // Count responses that carry GraphQL errors as failures, not as throughput.
  writeFileSync(
    script,
    `wrk.method = "POST"\n${headers}\nwrk.body = ${JSON.stringify(options.body)}\nlocal bad = 0\n` +
      `response = function(status, headers, body) if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end end\n` +
      `done = function() io.write("graphql-errors: " .. bad .. "\\n") end\n`,
  );
  const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency', '-s', script, options.url]);
  // wrk runs the Lua hooks per thread; with one thread the count is exact.
  const field = (re: RegExp) => re.exec(stdout)?.[1] ?? '0';
  return {
    requestsPerSecond: parseFloat(field(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: toMs(field(/50%\s+([\d.]+\w+)/)),
    p99Ms: toMs(field(/99%\s+([\d.]+\w+)/)),
    errors: parseInt(field(/graphql-errors: (\d+)/), 10) + parseInt(field(/Non-2xx or 3xx responses: (\d+)/), 10),
  };
}
