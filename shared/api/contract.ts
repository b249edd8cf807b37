import type { ChannelTable, ClientApi, HandlerTable } from './define'
import { squadChannels } from './channels/squad'
import { runChannels } from './channels/runs'
import { runImportChannels } from './channels/run-import'
import { assessmentChannels } from './channels/assessments'
import { planChannels } from './channels/plans'
import { shareChannels } from './channels/share'
import { clinicalChannels } from './channels/clinical'
import { reportChannels } from './channels/report'
import { calendarChannels } from './channels/calendar'
import { searchChannels } from './channels/search'

/**
 * The one API contract between renderer and main. Preload, renderer types, main handlers and the e2e
 * harness are all derived from this object; add a channel here (in its domain file) and nowhere else.
 */
export const contract = {
  ...squadChannels,
  ...runChannels,
  ...runImportChannels,
  ...assessmentChannels,
  ...planChannels,
  ...shareChannels,
  ...clinicalChannels,
  ...reportChannels,
  ...calendarChannels,
  ...searchChannels,
} satisfies ChannelTable

export type Contract = typeof contract
export type ApiMethod = keyof Contract
export type CalfCoachApi = ClientApi<Contract>
export type Handlers = HandlerTable<Contract>

/** The single global the preload exposes in the renderer. */
export const API_GLOBAL = 'calfcoach'

export const apiMethods = Object.keys(contract) as ApiMethod[]

/** Map from method name to channel name: all the preload needs to build its bridge. */
export function channelMap(): Record<ApiMethod, string> {
  return Object.fromEntries(apiMethods.map((m) => [m, contract[m].channel])) as Record<ApiMethod, string>
}
