// The types of the shop's models, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const Order = modelType('Order');
export const Discount = modelType('Discount');
