import type { z } from 'zod';

/** A type that exists only for the compiler: the value is never read. */
export const phantom = <T>(): T => undefined as T;

/** One channel: the request's zod schema (checked at run time in main) and the response type. */
export interface ChannelSpec {
  request: z.ZodType;
  response: unknown;
}

export type ChannelMap = Record<`${string}.${string}`, ChannelSpec>;
