import { rmSync } from 'node:fs'
import { afterAll } from 'vitest'
import { loadDemoSquad } from '../../electron/services/demo/demo-service'
import { openServices, tempDir } from './temp'

/**
 * A data folder with the generated demo squad (runs, assessments, plans), prepared in-process and
 * removed after the spec file.
 */
export function useDemoFolders(): () => Promise<string> {
  const folders: string[] = []
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true })
  })
  return async () => {
    const { services, dataDir } = await openServices(tempDir('calfcoach-demo-'))
    folders.push(dataDir)
    await loadDemoSquad(services)
    await services.db.flush()
    await services.close()
    return dataDir
  }
}
