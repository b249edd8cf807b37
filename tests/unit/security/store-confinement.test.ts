/**
 * The store keeps every file inside its data folder whatever an id holds: hostile ids go straight to the
 * store (no schema in front) and are refused, and nothing appears outside the folder. The id pattern is
 * one guard; this is the second, so loosening the pattern alone can never open a path traversal.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveInside } from '../../../electron/services/store/confine'
import { Database } from '../../../electron/services/store/database'
import { tempDir } from '../../support/temp'

const HOSTILE_IDS = ['../evil', '../../evil', '../../../tmp/evil', 'a/../../evil', '../', '/etc/passwd', '/tmp/evil', 'x\0y', '../athletes-evil/x', 'a/b/../../../evil']

describe('store path confinement', () => {
  it('refuses hostile ids given to the store directly and writes nothing outside the data folder', async () => {
    const outer = tempDir('calfcoach-confine-')
    const dataDir = path.join(outer, 'data')
    mkdirSync(dataDir)
    const db = await Database.open({ dataDir })
    const before = readdirSync(outer).sort()
    for (const id of HOSTILE_IDS) {
      expect(() => db.athleteFile(id), JSON.stringify(id)).toThrow(/outside the CalfCoach data folder/)
      await expect(db.createAthleteDoc(id, 'Mallory'), JSON.stringify(id)).rejects.toMatchObject({ code: 'invalid-input' })
    }
    expect(readdirSync(outer).sort()).toEqual(before)
    expect(existsSync(path.join(outer, 'evil.json'))).toBe(false)
    expect(readdirSync(path.join(dataDir, 'athletes'))).toEqual([])
    // A normal id still works.
    await db.createAthleteDoc('ath-ok-1', 'Ada')
    expect(readdirSync(path.join(dataDir, 'athletes'))).toEqual(['ath-ok-1.json'])
  })

  it('resolveInside allows only paths strictly inside the root', () => {
    const root = path.resolve('/data/calfcoach')
    expect(resolveInside(root, 'athletes', 'a.json')).toBe(path.join(root, 'athletes', 'a.json'))
    for (const parts of [['..'], ['../x'], ['a', '..', '..', 'x'], ['/etc/passwd'], [''], ['.'], ['a\0b']]) {
      expect(() => resolveInside(root, ...parts), parts.join('|')).toThrow(/outside/)
    }
    // A sibling folder sharing the root's prefix is outside too.
    expect(() => resolveInside(root, '../calfcoach-evil/x')).toThrow(/outside/)
  })
})
