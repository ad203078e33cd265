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

/**
 * The mutations of signing in (login, signUp, refreshSession, the password reset): they
 * act on what they are given (a password, a refresh or reset token), never as the
 * caller. An access token sent along that is refused (expired, ended) is ignored, not
 * refused: clients attach theirs to every request, the refresh that replaces it included.
 */
export const SignsIn = () => Extensions({ signsIn: true });

export const isUnmetered = (field: GraphQLField<unknown, unknown> | undefined) => field?.extensions.metered === false;
export const isAudited = (field: GraphQLField<unknown, unknown> | undefined) => field?.extensions.audited !== false;
export const signsIn = (field: GraphQLField<unknown, unknown> | undefined) => field?.extensions.signsIn === true;
