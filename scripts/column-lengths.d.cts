import type { Datamodel } from './datamodel.cjs';

/** `{ Model: { field: characters } }` for every String field: the least its column holds on the engines given; null for any length. */
export function columnLengths(datamodels: Partial<Record<'postgresql' | 'mysql', Datamodel>>): Record<string, Record<string, number | null>>;
