// Marks on schema fields, read by the Apollo plugins from the field's extensions.
import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * Account and billing fields: not counted as API calls and allowed over the quota,
 * so a tenant over its quota can still sign in, see its usage and change its plan.
 */
export const Unmetered = () => Extensions({ metered: false });

/** Mutations that change no state (signing in): no audit entry. */
export const NotAudited = () => Extensions({ audited: false });

export const isUnmetered = (field: GraphQLField<unknown, unknown> | undefined) => field?.extensions.metered === false;
export const isAudited = (field: GraphQLField<unknown, unknown> | undefined) => field?.extensions.audited !== false;
