// Ids are UUIDv7: their first 48 bits are the creation time in milliseconds, so
// "rows created since T" is an index range on the primary key.

/** The smallest UUIDv7 of the millisecond `at`: every id made at or after `at` sorts at or above it. */
export function uuidv7Floor(at: Date): string {
  const hex = at.getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
