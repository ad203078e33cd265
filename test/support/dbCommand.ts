// `npm run db -- <args>` as a child process, as a user runs it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const CLI = path.resolve(__dirname, '../../dist/src/cli/db.js');

/** The db command of the project at `dir` (a deployment's). */
export const dbCommandOf = (dir: string) => path.join(dir, 'dist/src/cli/db.js');

export interface DbRun {
  code: number;
  /** stdout, then stderr. */
  out: string;
}

export async function runDb(args: string[], env: NodeJS.ProcessEnv, cli = CLI): Promise<DbRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { env, timeout: 120_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
