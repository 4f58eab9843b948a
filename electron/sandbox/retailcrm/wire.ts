export type Json = Record<string, unknown>;

/**
 * Reference §1.5: empty fields are left out of responses, not sent as null. Empty values become undefined,
 * which JSON leaves out; the object keeps its shape (deleting or copying keys is ten times slower, and the
 * fake renders 20,000 orders at Demo size).
 */
export function omitEmpty<T extends Json>(object: T): T {
  for (const key in object) {
    const value = object[key];
    if (value === null || value === '') (object as Json)[key] = undefined;
  }
  return object;
}
