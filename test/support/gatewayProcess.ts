// `npm start`'s entry point as a child process: wait for its banner, read its output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const MAIN = path.resolve(__dirname, '../../dist/src/main.js');

export interface GatewayProcess {
  child: ChildProcess;
  /** The GraphQL URL from the banner. */
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

export async function spawnGateway(env: NodeJS.ProcessEnv): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner after 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /serving GraphQL at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}
