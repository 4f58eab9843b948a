import type { z } from 'zod';
import { contract, isChannel, type Handlers } from '../shared/contract';
import type { DeskError, Result } from '../shared/errors';
import { toDeskError } from './errors';
import { log } from './log';
import { validationIssues } from './validation';

/** Larger requests are refused before parsing: nothing a person types comes near it. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/**
 * Runs one IPC call: the channel must exist, the payload must match its schema, and whatever the
 * handler throws becomes a typed error. Main and the browser harness both call this, so a request
 * is treated the same whichever way it arrived. It never throws.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return invalid(`Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}.`);
  }
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return invalid('The request is not plain data.');
  }
  if (size > MAX_REQUEST_BYTES) return invalid(`The request is too large (${size} bytes).`);

  const parsed = contract[channel].request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };

  try {
    const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const reply = toDeskError(error);
    if (reply.kind === 'internal') log.error('ipc handler failed', { channel, error });
    return { ok: false, error: reply };
  }
}

function invalid(message: string): Result<never> {
  return { ok: false, error: { kind: 'validation', message, issues: [] } };
}

function validationError(error: z.ZodError): DeskError {
  return {
    kind: 'validation',
    message: 'The request does not match the contract.',
    issues: validationIssues(error),
  };
}
