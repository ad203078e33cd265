// The one failure of reading or loading a tenant data archive that is the archive's
// own: it is not whole, was changed after it was written, or holds tables or columns
// the tenant's schema cannot take. A GraphQL error with its stable code, so a restore
// the client asked for tells the client what is wrong with the file, and where.
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

export class ArchiveInvalid extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.ARCHIVE_INVALID } });
  }
}
