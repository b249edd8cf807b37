import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('import boundaries enforced by lint', () => {
  it.each([
    ["import fs from 'node:fs'\nexport const x = fs", 'shared/x.ts'],
    ["import { app } from 'electron'\nexport const x = app", 'shared/x.ts'],
    ["import { useState } from 'react'\nexport const x = useState", 'shared/x.ts'],
    ["import path from 'path'\nexport const x = path", 'shared/x.ts'],
    ["import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer", 'renderer/src/x.ts'],
    ["import fs from 'node:fs'\nexport const x = fs", 'renderer/src/x.ts'],
    ["import { Database } from '../../electron/services/store/database'\nexport const x = Database", 'renderer/src/x.ts'],
    ["import { dialog } from 'electron'\nexport const x = dialog", 'electron/services/x.ts'],
  ])('rejects %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports')
  })
  it('rejects DOM and Node globals in shared/', async () => {
    expect(await ruleIds('export const x = () => document.title', 'shared/x.ts')).toContain('no-restricted-globals')
    expect(await ruleIds('export const x = () => process.env', 'shared/x.ts')).toContain('no-restricted-globals')
  })
  it('allows what each layer may use', async () => {
    expect(await ruleIds("import { z } from 'zod'\nexport const x = z", 'shared/x.ts')).toEqual([])
    expect(await ruleIds("import { useState } from 'react'\nexport const x = useState", 'renderer/src/x.ts')).toEqual([])
    expect(await ruleIds("import { app } from 'electron'\nexport const x = app", 'electron/main/x.ts')).toEqual([])
  })
})
