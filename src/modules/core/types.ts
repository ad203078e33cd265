// The types of the core models, generated from the tenant model (src/graph), named here for
// the resolvers next to this file.
import { modelType } from '../../graph/modelTypes';

export const AnalyticsEvent = modelType('AnalyticsEvent');
