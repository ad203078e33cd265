// The one failure of reading or loading a tenant data archive that is the archive's
// own: it is not whole, was changed after it was written, or holds tables or columns
// the tenant's schema cannot take. A GraphQL error with its stable code, so a restore
// the client asked for tells the client what is wrong with the file, and where.
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

export class ArchiveInvalid extends GraphQLError {
  /** `cause`: the database's own refusal, for the log; the client sees the message alone. */
  constructor(message: string, cause?: Error) {
    super(message, { extensions: { code: ErrorCode.ARCHIVE_INVALID }, originalError: cause });
  }
}
