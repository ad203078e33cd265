// The types of the banking models, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const BankAccount = modelType('BankAccount');
export const BankStatementLine = modelType('BankStatementLine');
