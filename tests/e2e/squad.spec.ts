import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useSharedBrowser } from '../support/e2e'
import { openApp } from '../support/harness'

const browser = useSharedBrowser()

describe('squad management in the built renderer', () => {
  it('first run → add → edit → archive → restore, and reload keeps the data', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await page.getByRole('heading', { name: 'Welcome to CalfCoach' }).waitFor()
      await app.screenshot('01-first-run')
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Name').fill('Maya Costa')
      await page.getByLabel('Sex (for test norms)').selectOption('female')
      await page.getByLabel('Date of birth').fill('1988-04-12')
      await page.getByLabel('Email').fill('maya@example.org')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByRole('link', { name: 'Maya Costa' }).waitFor()
      expect(app.services.db.squad.data.athletes.map((a) => a.name)).toEqual(['Maya Costa'])
      const id = app.services.db.squad.data.athletes[0]!.id
      expect(readdirSync(path.join(app.dataDir, 'athletes'))).toContain(`${id}.json`)

      await page.getByRole('link', { name: 'Maya Costa' }).click()
      await page.getByRole('tab', { name: 'Profile' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByLabel('Name').fill('Maya Costa-Reid')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByRole('heading', { level: 1, name: /Maya Costa-Reid/ }).waitFor()
      await app.screenshot('02-athlete-profile')
      await page.getByRole('button', { name: 'Archive' }).click()
      await page.getByText('Archived', { exact: true }).waitFor()
      expect(app.services.db.squad.data.athletes[0]!.archived).toBe(true)

      await page.getByRole('link', { name: 'Squad', exact: true }).first().click()
      await expect.poll(() => page.getByRole('link', { name: 'Maya Costa-Reid' }).count()).toBe(0)
      await page.getByLabel(/Show archived/).check()
      await page.getByRole('button', { name: 'Restore Maya Costa-Reid' }).click()
      await page.getByLabel(/Show archived/).uncheck()
      await page.getByRole('link', { name: 'Maya Costa-Reid' }).waitFor()
      expect(app.services.db.squad.data.athletes[0]!.archived).toBe(false)

      await app.reload()
      await page.getByRole('link', { name: 'Maya Costa-Reid' }).waitFor()
      const onDisk = JSON.parse(readFileSync(path.join(app.dataDir, 'squad.json'), 'utf8'))
      expect(onDisk.athletes[0].name).toBe('Maya Costa-Reid')
      expect(app.consoleErrors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('invalid form input shows the messages and saves nothing', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await page.getByRole('button', { name: 'Add athlete' }).click()
      await page.getByLabel('Email').fill('not-an-email')
      await page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
      await page.getByText('Please fix the highlighted fields. Nothing was saved.').waitFor()
      await expect.poll(() => page.getByText('name is required').count()).toBe(1)
      await expect.poll(() => page.getByText('must look like name@example.com').count()).toBe(1)
      await expect.poll(() => page.getByText(/choose female or male/).count()).toBe(1)
      await app.screenshot('03-form-validation')
      expect(app.services.db.squad.data.athletes).toEqual([])
      expect(app.calls.filter((c) => c.method === 'createAthlete')).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('groups: create from the UI, assign, and filter the list', async () => {
    const app = await openApp({ browser: browser() })
    const { page } = app
    try {
      await page.getByRole('button', { name: 'Load demo squad' }).click()
      await page.getByRole('heading', { name: 'Squad', exact: true }).waitFor()
      const rowsAll = await page.getByTestId('squad-row').count()
      expect(rowsAll).toBeGreaterThan(15)
      await page.getByRole('button', { name: 'Groups…' }).click()
      await page.getByLabel('New group name').fill('Hill reps')
      await page.getByRole('button', { name: 'Create group' }).click()
      await page.getByLabel('Name of group Hill reps').waitFor()
      await page.getByRole('button', { name: 'Done' }).click()
      const first = app.services.db.squad.data.athletes.find((a) => !a.archived)!
      await page.getByRole('link', { name: first.name }).click()
      await page.getByRole('tab', { name: 'Profile' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByRole('checkbox', { name: 'Hill reps' }).check()
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByRole('button', { name: 'Edit profile' }).waitFor()
      await page.getByRole('link', { name: 'Squad', exact: true }).first().click()
      await page.getByLabel('Group').selectOption({ label: 'Hill reps' })
      await expect.poll(() => page.getByTestId('squad-row').count()).toBe(1)
      await expect.poll(() => page.getByTestId('squad-row').first().textContent()).toContain(first.name)
      await page.getByLabel('Group').selectOption({ label: 'Masters' })
      const masters = app.services.db.squad.data.athletes.filter((a) => !a.archived && a.groupIds.includes('grp-masters')).length
      await expect.poll(() => page.getByTestId('squad-row').count()).toBe(masters)
      await app.screenshot('04-squad-list')
    } finally {
      await app.close()
    }
  })

  it('a corrupt athlete file is quarantined and the UI says so', async () => {
    const first = await openApp({ browser: browser() })
    await first.page.getByRole('button', { name: 'Add athlete' }).click()
    await first.page.getByLabel('Name').fill('Tariq Walsh')
    await first.page.getByLabel('Sex (for test norms)').selectOption('male')
    await first.page.getByRole('form', { name: 'Add athlete' }).getByRole('button', { name: 'Add athlete' }).click()
    await first.page.getByRole('link', { name: 'Tariq Walsh' }).waitFor()
    const id = first.services.db.squad.data.athletes[0]!.id
    const dataDir = first.dataDir
    await first.close()
    writeFileSync(path.join(dataDir, 'athletes', `${id}.json`), '{"schemaVersion":1,"athl')

    const second = await openApp({ browser: browser(), dataDir })
    try {
      await second.page.getByText('Damaged file moved aside.').waitFor()
      await second.page.getByText(/Tariq Walsh: record/).waitFor()
      await second.screenshot('05-corrupt-file-notice')
      expect(readdirSync(path.join(dataDir, 'athletes')).some((n) => n.startsWith(`${id}.json.corrupt-`))).toBe(true)
      await second.page.getByRole('button', { name: 'Dismiss: Damaged file moved aside' }).click()
      await second.page.getByText('Damaged file moved aside.').waitFor({ state: 'detached' })
      expect(second.services.db.notices.map((n) => n.title)).not.toContain('Damaged file moved aside')
    } finally {
      await second.close()
    }
  })
})
