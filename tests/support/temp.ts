import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppServices } from '../../electron/services/app-services'
import type { FileOps } from '../../electron/services/store/file-ops'
import { FakeDialogs } from './harness'

export function tempDir(prefix = 'calfcoach-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

export async function openServices(dataDir = tempDir(), extra: { ops?: FileOps; now?: () => Date } = {}) {
  const dialogs = new FakeDialogs()
  const opened: string[] = []
  const services = await AppServices.open({ dataDir, dialogs, pdf: { renderRoute: async () => { throw new Error('no PDF renderer in unit tests') } }, shell: { openExternal: async (u) => void opened.push(u) }, ...extra })
  return { services, dialogs, opened, dataDir }
}

export const draft = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  sex: 'female' as const,
  dateOfBirth: '1990-05-01',
  email: '',
  phone: '',
  groupIds: [] as string[],
  notes: '',
  trainingStatus: 'running' as const,
  ...extra,
})
