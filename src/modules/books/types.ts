// The types of the books' models, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const Account = modelType('Account');
export const JournalEntry = modelType('JournalEntry');
