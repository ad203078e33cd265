// The types of the customers' model, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const Customer = modelType('Customer');
