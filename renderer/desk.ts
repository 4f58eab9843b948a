import type { Channel, Req, Res } from '../electron/shared/contract';
import type { DeskError, Result } from '../electron/shared/errors';

/** A failed call, with the typed error the core sent. */
class DeskCallError extends Error {
  constructor(readonly error: DeskError) {
    super(error.message);
  }
}

/** Calls the core and returns the value, or throws `DeskCallError` with the core's typed error. */
export async function call<C extends Channel>(channel: C, request: Req<C>): Promise<Res<C>> {
  // TypeScript cannot relate `desk[C]` to `Req<C>` for a generic C; the contract guarantees it.
  const send = window.desk[channel] as unknown as (request: Req<C>) => Promise<Result<Res<C>>>;
  const result = await send(request);
  if (!result.ok) throw new DeskCallError(result.error);
  return result.value;
}

/** The typed error of a failed call; anything else (a bug in the page) as `internal`. */
export function deskError(error: unknown): DeskError {
  if (error instanceof DeskCallError) return error.error;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
