// Where the gateway sends its traces when `npm run bench` runs with BENCH_TRACING=1: an
// OTLP/HTTP endpoint that takes every export, counts it and keeps nothing, so the run
// measures what tracing costs the gateway, not what a collector costs the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TraceSink {
  /** The OTEL_EXPORTER_OTLP_ENDPOINT to give the gateway. */
  endpoint: string;
  /** Exports received so far, and their bytes. */
  received(): { exports: number; bytes: number };
  close(): Promise<void>;
}

export async function startTraceSink(): Promise<TraceSink> {
  let exports = 0;
  let bytes = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') exports += 1;
      // An empty body is an empty ExportTraceServiceResponse in protobuf.
      res.writeHead(req.url === '/v1/traces' ? 200 : 404, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received: () => ({ exports, bytes }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
