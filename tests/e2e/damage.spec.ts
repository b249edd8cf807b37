/**
 * Data-folder damage, as the coach sees it: each case prepares a real data folder, damages it, opens
 * the BUILT renderer on it (tests/support/harness.ts) and checks that the app starts, every readable
 * athlete is still in the squad list, the damaged file is quarantined or refused as designed, a notice
 * tells the coach, and the damaged original is never overwritten (compared byte for byte).
 * (Store-level unit tests for the same cases are in tests/unit/store/database.test.ts.)
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { createAthlete } from '../../electron/services/squad/squad-service'
import { type FileOps, nodeFileOps } from '../../electron/services/store/file-ops'
import { useSharedBrowser } from '../support/e2e'
import { type Harness, openApp } from '../support/harness'
import { draft, openServices, tempDir } from '../support/temp'

const browser = useSharedBrowser()
const folders: string[] = []
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

const NAMES = { victim: 'Ada Damaged', other: 'Bea Readable', late: 'Cy Latecomer' }

interface Prepared {
  dataDir: string
  ids: { victim: string; other: string; late: string }
  victimFile: string
}

/**
 * A folder with three athletes and a few runs. With `backup`, a backup is taken after the first two
 * athletes exist (so Cy, added later, is only in its own file).
 */
async function prepare(options: { backup: boolean }): Promise<Prepared> {
  const { services, dataDir } = await openServices(tempDir('calfcoach-damage-'))
  folders.push(dataDir)
  const victim = await createAthlete(services, draft(NAMES.victim) as never)
  const other = await createAthlete(services, draft(NAMES.other) as never)
  await services.db.athleteDoc(victim.id).mutate((d) => ({
    ...d,
    runs: [1, 2, 3].map((i) => ({ id: `run-before-${i}`, date: `2025-05-0${i}`, distanceKm: 5 + i, painDuring: i, createdAt: 'x', updatedAt: 'x' })),
  }))
  if (options.backup) await services.db.backups.create('manual')
  const late = await createAthlete(services, draft(NAMES.late) as never)
  await services.db.flush()
  return { dataDir, ids: { victim: victim.id, other: other.id, late: late.id }, victimFile: path.join(dataDir, 'athletes', `${victim.id}.json`) }
}

/**
 * Every file in the folder with its bytes, for "nothing was changed" checks. cache/ is left out: it holds
 * board summaries derived from the files, which the open app may write at any moment (rebuilt if lost).
 */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name
      if (r === 'cache') continue
      if (statSync(path.join(dir, r)).isDirectory()) walk(r)
      else out.set(r, readFileSync(path.join(dir, r)))
    }
  }
  walk('')
  return out
}

function changes(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  const out: string[] = []
  for (const [k, v] of before) if (!after.get(k)?.equals(v)) out.push(after.has(k) ? `changed ${k}` : `removed ${k}`)
  for (const k of after.keys()) if (!before.has(k)) out.push(`added ${k}`)
  return out
}

function quarantined(dataDir: string, id: string): string[] {
  return readdirSync(path.join(dataDir, 'athletes'))
    .filter((n) => n.startsWith(`${id}.json.corrupt-`))
    .map((n) => path.join(dataDir, 'athletes', n))
}

async function noticeTitles(page: Page): Promise<string[]> {
  await page.getByTestId('notice').first().waitFor()
  return (await page.getByTestId('notice').locator('strong').allTextContents()).map((t) => t.trim().replace(/\.$/, ''))
}

/** The squad list shows these athletes (by their links). */
async function expectListed(page: Page, names: string[]): Promise<void> {
  await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
  for (const name of names) await page.getByRole('link', { name, exact: true }).waitFor()
}

function withoutPageErrors(app: Harness): string[] {
  // Failed saves are expected in some cases and surface in the UI; uncaught exceptions never are.
  return app.consoleErrors.filter((e) => !/Failed to load resource/.test(e))
}

/** A FileOps that refuses every write with the given errno code while `failing()` is true. */
function failingOps(code: 'EROFS' | 'ENOSPC', failing: () => boolean = () => true): FileOps & { refused: string[] } {
  const refused: string[] = []
  const deny = (op: string, file: string) => {
    refused.push(`${op} ${path.basename(file)}`)
    const error = new Error(`${code}: simulated, ${op} '${file}'`) as NodeJS.ErrnoException
    error.code = code
    return Promise.reject(error)
  }
  return {
    refused,
    readText: (f) => nodeFileOps.readText(f),
    list: (d) => nodeFileOps.list(d),
    stat: (f) => nodeFileOps.stat(f),
    writeAtomic: (f, t) => (failing() ? deny('write', f) : nodeFileOps.writeAtomic(f, t)),
    rename: (a, b) => (failing() ? deny('rename', a) : nodeFileOps.rename(a, b)),
    copy: (a, b) => (failing() ? deny('copy', b) : nodeFileOps.copy(a, b)),
    remove: (f) => (failing() ? deny('remove', f) : nodeFileOps.remove(f)),
    mkdirp: (d) => (failing() && !existsSync(d) ? deny('mkdir', d) : nodeFileOps.mkdirp(d)),
  }
}

describe('a damaged data folder, seen in the UI', () => {
  it('truncated athlete file: moved aside, restored from the backup, coach told, bytes kept', async () => {
    const prep = await prepare({ backup: true })
    const full = readFileSync(prep.victimFile)
    const truncated = full.subarray(0, Math.floor(full.length / 2))
    writeFileSync(prep.victimFile, truncated)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    try {
      await expectListed(app.page, Object.values(NAMES))
      const titles = await noticeTitles(app.page)
      expect(titles).toContain('Damaged file moved aside')
      expect(titles).toContain(`${NAMES.victim}: record restored from backup`)
      const kept = quarantined(prep.dataDir, prep.ids.victim)
      expect(kept).toHaveLength(1)
      expect(readFileSync(kept[0]!).equals(truncated)).toBe(true)
      // The restored record has the runs from the backup, and is a valid file again.
      const restored = JSON.parse(readFileSync(prep.victimFile, 'utf8')) as { runs: { id: string }[] }
      expect(restored.runs.map((r) => r.id)).toEqual(['run-before-1', 'run-before-2', 'run-before-3'])
      await app.screenshot('damage-01-truncated')
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('invalid JSON and no backup: moved aside, empty log, coach told it could not be recovered', async () => {
    const prep = await prepare({ backup: false })
    const broken = Buffer.from('{"schemaVersion":1,"athleteId":"oops", runs: [ this is not json')
    writeFileSync(prep.victimFile, broken)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    try {
      await expectListed(app.page, Object.values(NAMES))
      const titles = await noticeTitles(app.page)
      expect(titles).toContain('Damaged file moved aside')
      expect(titles).toContain(`${NAMES.victim}: record could not be recovered`)
      await app.page.getByText(/The damaged file was kept beside it for recovery by hand/).waitFor()
      const kept = quarantined(prep.dataDir, prep.ids.victim)
      expect(kept).toHaveLength(1)
      expect(readFileSync(kept[0]!).equals(broken)).toBe(true)
      // The other athletes' records were not touched.
      expect(JSON.parse(readFileSync(path.join(prep.dataDir, 'athletes', `${prep.ids.other}.json`), 'utf8')).athleteName).toBe(NAMES.other)
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('valid JSON that fails the schema: moved aside and restored, with the reason shown', async () => {
    const prep = await prepare({ backup: true })
    const bad = Buffer.from(
      JSON.stringify({ schemaVersion: 1, athleteId: prep.ids.victim, athleteName: NAMES.victim, runs: [{ id: 'run-bad', date: '2025-02-30', distanceKm: -4, createdAt: 'x', updatedAt: 'x' }], assessments: [], plans: [] }),
    )
    writeFileSync(prep.victimFile, bad)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    try {
      await expectListed(app.page, Object.values(NAMES))
      const titles = await noticeTitles(app.page)
      expect(titles).toContain('Damaged file moved aside')
      expect(titles).toContain(`${NAMES.victim}: record restored from backup`)
      await app.page.getByText(/do not match what CalfCoach expects/).first().waitFor()
      const kept = quarantined(prep.dataDir, prep.ids.victim)
      expect(kept).toHaveLength(1)
      expect(readFileSync(kept[0]!).equals(bad)).toBe(true)
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('an athlete file from a newer CalfCoach: locked, shown as locked, never rewritten', async () => {
    const prep = await prepare({ backup: true })
    const future = Buffer.from(
      JSON.stringify({ schemaVersion: 99, athleteId: prep.ids.victim, athleteName: NAMES.victim, runs: [], assessments: [], plans: [], hologram: { v: 2 } }, null, 2),
    )
    writeFileSync(prep.victimFile, future)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    const { page } = app
    try {
      await expectListed(page, Object.values(NAMES))
      const titles = await noticeTitles(page)
      expect(titles).toContain(`${NAMES.victim}: record from a newer CalfCoach`)
      await page.getByRole('link', { name: NAMES.victim, exact: true }).click()
      await page.getByRole('heading', { level: 1, name: new RegExp(NAMES.victim) }).getByText('Locked').waitFor()
      // Try to change it from the UI: the record must stay byte-identical and in place.
      const runsTab = page.getByRole('tab', { name: 'Runs & pain' })
      if (await runsTab.count()) {
        await runsTab.click()
        await page.getByText(/This record is locked and cannot be changed/).waitFor()
      }
      expect(quarantined(prep.dataDir, prep.ids.victim)).toEqual([])
      expect(readFileSync(prep.victimFile).equals(future)).toBe(true)
      const api = await page.evaluate(
        async ({ id }) => {
          const bridge = (window as unknown as { calfcoach: Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).calfcoach
          return bridge['addRun'] ? bridge['addRun']({ athleteId: id, run: { date: '2025-06-01', distanceKm: 5 } }) : null
        },
        { id: prep.ids.victim },
      )
      if (api) expect(api).toMatchObject({ ok: false, error: { code: 'read-only' } })
      expect(readFileSync(prep.victimFile).equals(future)).toBe(true)
      await app.screenshot('damage-04-newer-version')
    } finally {
      await app.close()
    }
    expect(readFileSync(prep.victimFile).equals(future)).toBe(true)
  })

  // Regression: a rename used to reach squad.json before the locked record refused it.
  it('renaming a locked athlete is refused as a whole: the index is not changed either', async () => {
    const prep = await prepare({ backup: false })
    writeFileSync(prep.victimFile, JSON.stringify({ schemaVersion: 99, athleteId: prep.ids.victim, athleteName: NAMES.victim }))
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    const { page } = app
    try {
      await app.services.db.athletesReady
      // The daily backup, taken in the background once the first screen shows, is not what this test is about.
      await app.services.db.flush()
      await app.services.db.autoBackupDone
      const before = snapshot(prep.dataDir)
      await page.getByRole('link', { name: NAMES.victim, exact: true }).click()
      await page.getByRole('tab', { name: 'Profile' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByLabel('Name').fill('Ada Renamed')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByRole('form', { name: 'Edit athlete' }).getByText(/newer version of CalfCoach/).first().waitFor()
      expect(readFileSync(prep.victimFile).equals(before.get(`athletes/${prep.ids.victim}.json`)!)).toBe(true)
      expect(changes(before, snapshot(prep.dataDir))).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('a squad index from a newer CalfCoach: the app opens read-only and says why, file untouched', async () => {
    const prep = await prepare({ backup: true })
    const squadFile = path.join(prep.dataDir, 'squad.json')
    const future = Buffer.from(JSON.stringify({ schemaVersion: 7, athletes: [], groups: [], settings: {}, teams: [] }))
    writeFileSync(squadFile, future)
    const before = snapshot(prep.dataDir)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    try {
      const titles = await noticeTitles(app.page)
      expect(titles).toContain('Data from a newer CalfCoach')
      await app.page.getByText(/Read-only:/).waitFor()
      expect(app.services.db.readOnlyReason).toMatch(/newer version of CalfCoach/)
      // The empty-looking squad must not be presented as a fresh start.
      await app.page.getByRole('heading', { name: 'Your squad could not be opened for editing' }).waitFor()
      await expect.poll(() => app.page.getByRole('button', { name: 'Load demo squad' }).count()).toBe(0)
      await app.screenshot('damage-05-newer-squad')
    } finally {
      await app.close()
    }
    expect(changes(before, snapshot(prep.dataDir))).toEqual([])
  })

  it('unknown extra files: listed in a notice and never touched, even while the coach saves', async () => {
    const prep = await prepare({ backup: false })
    const extras = { 'notes from coach.txt': Buffer.from('do not delete\n'), 'athletes/readme.md': Buffer.from('# mine\n'), 'athletes/zz.json.bak': Buffer.from('{"x":1}') }
    for (const [rel, bytes] of Object.entries(extras)) writeFileSync(path.join(prep.dataDir, rel), bytes)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    const { page } = app
    try {
      await expectListed(page, Object.values(NAMES))
      const titles = await noticeTitles(page)
      expect(titles).toContain('Unknown files in the data folder')
      for (const rel of Object.keys(extras)) await page.getByText(new RegExp(rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).first().waitFor()
      // A save elsewhere in the folder leaves the unknown files alone.
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Dee Newcomer')
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('link', { name: 'Dee Newcomer' }).waitFor()
      for (const [rel, bytes] of Object.entries(extras)) expect(readFileSync(path.join(prep.dataDir, rel)).equals(bytes), rel).toBe(true)
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('missing squad index: rebuilt from the backup plus the athletes’ own files', async () => {
    const prep = await prepare({ backup: true })
    unlinkSync(path.join(prep.dataDir, 'squad.json'))
    const athleteBytes = Object.values(prep.ids).map((id) => readFileSync(path.join(prep.dataDir, 'athletes', `${id}.json`)))
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir })
    try {
      await expectListed(app.page, Object.values(NAMES))
      const titles = await noticeTitles(app.page)
      expect(titles).toContain('Squad index was missing')
      expect(titles).toContain(`Recovered ${NAMES.late}`)
      await app.screenshot('damage-07-missing-index')
      expect(existsSync(path.join(prep.dataDir, 'squad.json'))).toBe(true)
      // Rebuilding the index never rewrote an athlete's own record.
      Object.values(prep.ids).forEach((id, i) => expect(readFileSync(path.join(prep.dataDir, 'athletes', `${id}.json`)).equals(athleteBytes[i]!)).toBe(true))
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('a read-only data folder (EROFS): opens for viewing, refuses saves with a reason, changes nothing', async () => {
    const prep = await prepare({ backup: true })
    const before = snapshot(prep.dataDir)
    const ops = failingOps('EROFS')
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir, ops })
    const { page } = app
    try {
      await expectListed(page, Object.values(NAMES))
      const titles = await noticeTitles(page)
      expect(titles).toContain('Data folder is read-only')
      await page.getByText(/Read-only:/).waitFor()
      await page.getByText(/cannot be written \(EROFS\)/).first().waitFor()
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Dee Refused')
      await page.getByLabel('Sex (for test norms)').selectOption('male')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('form', { name: 'Add athlete' }).getByText(/cannot be written/).first().waitFor()
      await page.getByRole('form', { name: 'Add athlete' }).getByText(/Nothing was saved/).first().waitFor()
      expect(ops.refused.length).toBeGreaterThan(0)
      await app.screenshot('damage-08-read-only')
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      await app.close()
    }
    expect(changes(before, snapshot(prep.dataDir))).toEqual([])
  })

  it('the disk fills up while the coach works: each save fails with a clear message and nothing changes', async () => {
    const prep = await prepare({ backup: true })
    let full = false
    const ops = failingOps('ENOSPC', () => full)
    const app = await openApp({ browser: browser(), dataDir: prep.dataDir, ops })
    const { page } = app
    try {
      await expectListed(page, Object.values(NAMES))
      await app.services.db.athletesReady
      await app.services.db.flush()
      await app.services.db.autoBackupDone
      const before = snapshot(prep.dataDir)
      full = true
      // 1. Adding an athlete.
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Dee Nospace')
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('form', { name: 'Add athlete' }).getByText(/the disk is full/).first().waitFor()
      await page.getByRole('button', { name: 'Cancel' }).click()
      // 2. Renaming an athlete.
      await page.getByRole('link', { name: NAMES.other, exact: true }).click()
      await page.getByRole('tab', { name: 'Profile' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByLabel('Name').fill('Bea Renamed')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByRole('form', { name: 'Edit athlete' }).getByText(/the disk is full/).first().waitFor()
      await page.getByRole('button', { name: 'Cancel' }).click()
      await app.screenshot('damage-09-disk-full')
      expect(ops.refused.length).toBeGreaterThan(0)
      expect(changes(before, snapshot(prep.dataDir))).toEqual([])
      // Memory agrees with the disk: the squad still shows the old names and no new athlete.
      await page.getByRole('link', { name: 'Squad', exact: true }).first().click()
      await expectListed(page, Object.values(NAMES))
      expect(await page.getByRole('link', { name: 'Dee Nospace' }).count()).toBe(0)
      expect(await page.getByRole('link', { name: 'Bea Renamed' }).count()).toBe(0)
      expect(app.services.db.squad.data.athletes.map((a) => a.name).sort()).toEqual(Object.values(NAMES).sort())
      // Space is freed: the same save now works.
      full = false
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Dee Nospace')
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('link', { name: 'Dee Nospace' }).waitFor()
      expect(withoutPageErrors(app)).toEqual([])
    } finally {
      full = false
      await app.close()
    }
  })
})
