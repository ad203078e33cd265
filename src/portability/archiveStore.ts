// Where tenant archives are kept once written or uploaded: a folder of DATA_DIR, or
// an S3-compatible bucket (EXPORT_STORE_URL). Both take whole files and give back
// streams; a key is a plain file name, so no key reaches outside the store's folder
// or prefix. A store that fails or does not answer says STORE_UNAVAILABLE, which a
// client may retry; an archive that is not there is told apart from that.
import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

export interface ArchiveStore {
  /** Copies the local `file` in under `key`, replacing what was there; readers see the old archive or the whole new one. */
  put(key: string, file: string): Promise<void>;
  /** The archive's bytes; ArchiveMissingError when nothing is under `key`. */
  open(key: string): Promise<Readable>;
  /** Gone afterwards; a key with nothing under it is no error. */
  remove(key: string): Promise<void>;
}

/** Nothing under the key: removed, or never written. */
export class ArchiveMissingError extends Error {
  constructor(readonly key: string) {
    super(`no archive under "${key}" in the archive store`);
    this.name = 'ArchiveMissingError';
  }
}

/** STORE_UNAVAILABLE, keeping what went wrong (for the log, never for the client). */
export const storeUnavailable = (cause: unknown): GraphQLError =>
  new GraphQLError('the archive store cannot be reached right now: try again shortly', {
    extensions: { code: ErrorCode.STORE_UNAVAILABLE },
    originalError: cause instanceof Error ? cause : new Error(String(cause)),
  });

// A file name of letters, digits, dots, dashes and underscores, starting with a letter or digit: never "..", never a path.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The key as given, or an error: keys are made by the gateway, so a bad one is a bug, not input. */
export function checkedKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`"${key}" is not an archive store key (a file name such as <id>.tar.gz)`);
  return key;
}
