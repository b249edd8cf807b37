import type { z } from 'zod'
import type { ApiResult } from './result'

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** The IPC channel name: a stable contract, never renamed once released. */
  readonly channel: `calfcoach:${string}`
  readonly input: I
  readonly output: O
  /** Channels that only read never take the write queue and are allowed in read-only mode. */
  readonly writes: boolean
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(
  channel: `calfcoach:${string}`,
  input: I,
  output: O,
  options: { writes: boolean },
): ChannelSpec<I, O> {
  return { channel, input, output, writes: options.writes }
}

export type ChannelTable = Record<string, ChannelSpec>

/** The renderer-side function for one channel: optional argument when the input schema accepts undefined. */
export type ClientFn<S extends ChannelSpec> = undefined extends z.input<S['input']>
  ? (input?: z.input<S['input']>) => Promise<ApiResult<z.output<S['output']>>>
  : (input: z.input<S['input']>) => Promise<ApiResult<z.output<S['output']>>>

export type ClientApi<T extends ChannelTable> = { readonly [K in keyof T]: ClientFn<T[K]> }

/** The main-side implementation for one channel: receives parsed input, returns data that must satisfy the output schema. */
export type HandlerFn<S extends ChannelSpec> = (
  input: z.output<S['input']>,
) => Promise<z.input<S['output']>> | z.input<S['output']>

export type HandlerTable<T extends ChannelTable> = { [K in keyof T]: HandlerFn<T[K]> }
