import { type ApiMethod, contract } from './contract'

/**
 * What the hidden print window may call: it only reads the data of the page it prints. Its preload exposes
 * these methods and nothing else, and main refuses every other channel from a print window.
 */
export const PRINT_METHODS = ['getPrintData', 'getSquadReport'] as const satisfies readonly ApiMethod[]

export type PrintMethod = (typeof PRINT_METHODS)[number]

export function isPrintMethod(method: ApiMethod): method is PrintMethod {
  return (PRINT_METHODS as readonly string[]).includes(method)
}

/** Method → channel for the print window's bridge. */
export function printChannelMap(): Record<PrintMethod, string> {
  return Object.fromEntries(PRINT_METHODS.map((m) => [m, contract[m].channel])) as Record<PrintMethod, string>
}

/**
 * Main starts print windows with this argument (webPreferences.additionalArguments, which a sandboxed
 * preload reads from process.argv); the page cannot set it. The preload then builds the print bridge.
 */
export const PRINT_WINDOW_ARG = '--calfcoach-window=print'
