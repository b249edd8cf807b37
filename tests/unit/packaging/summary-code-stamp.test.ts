import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { summaryCodeStamp } from '../../../scripts/summary-code-stamp'
import { tempDir } from '../../support/temp'

/**
 * The summary cache trusts only summaries made by the same summary code (electron/services/store/summary-cache.ts).
 * The stamp must change with that code, and only with it: a stamp that changed on every build made a big club
 * wait for every athlete's history to be read again after each update; one that missed a rules change would
 * show a board made by the old rules.
 */
let root: string
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}

beforeEach(() => {
  root = tempDir('calfcoach-stamp-')
  write('shared/assessment/rules/index.ts', 'export const rules = [1]\n')
  write('shared/clinical/state.ts', 'export const state = 1\n')
  write('electron/services/runs/board-facts.ts', 'export const facts = 1\n')
  write('electron/main/index.ts', 'export const main = 1\n')
  write('renderer/src/App.tsx', 'export const App = 1\n')
  write('README.md', '# readme\n')
  write('package-lock.json', '{"lockfileVersion":3}\n')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('summaryCodeStamp', () => {
  it('is the same for the same code, built again', () => {
    expect(summaryCodeStamp(root)).toMatch(/^code-[0-9a-f]{20}$/)
    expect(summaryCodeStamp(root)).toBe(summaryCodeStamp(root))
  })

  it.each([
    ['a rule in shared/', 'shared/assessment/rules/index.ts'],
    ['the clinical state', 'shared/clinical/state.ts'],
    ["main's services (board facts)", 'electron/services/runs/board-facts.ts'],
    ['a dependency (the lockfile)', 'package-lock.json'],
  ])('changes when %s changes', (_what, file) => {
    const before = summaryCodeStamp(root)
    write(file, `${file} changed\n`)
    expect(summaryCodeStamp(root)).not.toBe(before)
  })

  it('changes when a summary source file is added or renamed', () => {
    const before = summaryCodeStamp(root)
    write('shared/load/new-rule.ts', 'export const x = 1\n')
    const added = summaryCodeStamp(root)
    expect(added).not.toBe(before)
    renameSync(path.join(root, 'shared/load/new-rule.ts'), path.join(root, 'shared/load/renamed.ts'))
    expect(summaryCodeStamp(root)).not.toBe(added)
  })

  it.each([
    ['the renderer', 'renderer/src/App.tsx'],
    ["main's window code", 'electron/main/index.ts'],
    ['the README', 'README.md'],
  ])('stays the same when only %s changes', (_what, file) => {
    const before = summaryCodeStamp(root)
    write(file, `${file} changed\n`)
    expect(summaryCodeStamp(root)).toBe(before)
  })
})
