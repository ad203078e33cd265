// The types of the bookings models, generated from the tenant model (src/graph), named
// here for the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const Service = modelType('Service');
export const Provider = modelType('Provider');
export const ClassSession = modelType('ClassSession');
export const Booking = modelType('Booking');
export const CreditTransaction = modelType('CreditTransaction');
