// The types of the invoicing models, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const Invoice = modelType('Invoice');
export const Payment = modelType('Payment');
export const StockMovement = modelType('StockMovement');
