import { useEffect, useState } from 'react'
import type { BackupInfo } from '../../../../shared/api/channels/squad'
import { ExportedFileActions } from '../../components/ExportedFileActions'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ShareSection } from './ShareSection'
import { dateTimeText } from '../../dates'

/** Why a backup was taken, in words. */
const BACKUP_REASON: Record<BackupInfo['reason'], string> = {
  auto: 'daily backup',
  manual: 'made with Back up now',
  'pre-migration': 'before an update of the data format',
  'pre-restore': 'before a restore',
  'pre-import': 'before an import or loading the demo squad',
}

/** Units, PDF paper size, where data lives, backups, and whole-database export/import. */
export function SettingsScreen() {
  const { squad, status, refresh } = useAppData()
  const [backups, setBackups] = useState<BackupInfo[]>([])
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; path?: string } | null>(null)
  const [restoreId, setRestoreId] = useState('')
  const [confirming, setConfirming] = useState<'restore' | 'import' | 'remove-demo' | null>(null)

  const loadBackups = async () => setBackups(await call('listBackups'))
  useEffect(() => {
    void loadBackups()
  }, [])

  /** Runs an action and says how it went; an action that wrote a file answers with its path too. */
  async function act(action: () => Promise<string | { text: string; path: string }>) {
    try {
      const done = await action()
      setMessage(typeof done === 'string' ? { kind: 'ok', text: done } : { kind: 'ok', ...done })
      await refresh()
      await loadBackups()
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message })
    }
  }

  if (!squad || !status) return <p>Loading…</p>
  const demoCount = squad.athletes.filter((a) => a.demo).length
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'ok'}>
          {message.text}
          {message.path && <ExportedFileActions path={message.path} />}
        </p>
      )}
      <h2>Display and printing</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="setting-unit">Distances</label>
          <select id="setting-unit" value={squad.settings.distanceUnit} onChange={(e) => act(async () => (await call('updateSettings', { distanceUnit: e.target.value as 'km' | 'mi' }), 'Distance unit saved.'))}>
            <option value="km">Kilometres</option>
            <option value="mi">Miles</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="setting-week-start">Weeks start on</label>
          <select
            id="setting-week-start"
            value={squad.settings.weekStartsOn ?? 'monday'}
            aria-describedby="setting-week-start-help"
            onChange={(e) => act(async () => (await call('updateSettings', { weekStartsOn: e.target.value as 'monday' | 'sunday' }), 'First day of the week saved.'))}
          >
            <option value="monday">Monday</option>
            <option value="sunday">Sunday</option>
          </select>
          <p className="muted field-help" id="setting-week-start-help">
            For this week’s distance, weekly charts and the squad list. The pain rules still look at Monday-to-Sunday weeks.
          </p>
        </div>
        <div className="field">
          <label htmlFor="setting-page">PDF paper size</label>
          <select id="setting-page" value={squad.settings.pdfPageSize} onChange={(e) => act(async () => (await call('updateSettings', { pdfPageSize: e.target.value as 'A4' | 'Letter' }), 'Paper size saved.'))}>
            <option value="A4">A4</option>
            <option value="Letter">US Letter</option>
          </select>
        </div>
      </div>
      <h2>Your data</h2>
      <p>
        Everything is stored on this computer in <code data-testid="data-dir">{status.dataDir}</code>: one small index file plus one file per athlete. Nothing is sent
        anywhere.
      </p>
      <div className="actions">
        <button type="button" onClick={() => act(async () => `Backup of ${dateTimeText((await call('backupNow')).createdAt)} made: it is listed under Backups below.`)}>
          Back up now
        </button>
        <button type="button" onClick={() => act(async () => { const r = await call('exportDatabase'); return r.path ? { text: `Exported ${r.athletes} athletes to ${r.path}.`, path: r.path } : 'Export cancelled.' })}>
          Export database…
        </button>
        <button type="button" onClick={() => setConfirming('import')}>
          Import database…
        </button>
      </div>
      <ShareSection />
      {demoCount > 0 && (
        <>
          <h2>Demo squad</h2>
          <p>
            {demoCount} made-up {demoCount === 1 ? 'athlete is' : 'athletes are'} marked “Demo” in the squad. Removing the demo squad takes out exactly those athletes,
            with their runs, assessments and plans; your own athletes stay as they are.
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => setConfirming('remove-demo')}>
              Remove demo squad…
            </button>
          </div>
        </>
      )}
      <h2>Backups</h2>
      <p className="muted">A backup is taken automatically once a day when CalfCoach starts (the last 10 are kept), and before every restore, import or deletion.</p>
      {backups.length === 0 ? (
        <p>No backups yet.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (restoreId) setConfirming('restore')
          }}
        >
          <label htmlFor="restore-select">Restore from backup…</label>
          <select id="restore-select" value={restoreId} onChange={(e) => setRestoreId(e.target.value)}>
            <option value="">Choose a backup</option>
            {backups.map((b) => (
              <option key={b.id} value={b.id}>
                {dateTimeText(b.createdAt)} — {BACKUP_REASON[b.reason] ?? b.reason}, {b.files} files
              </option>
            ))}
          </select>
          <button type="submit" disabled={!restoreId}>
            Restore
          </button>
        </form>
      )}
      {confirming === 'restore' && (
        <ConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore backup"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null)
            void act(async () => {
              const chosen = backups.find((b) => b.id === restoreId)
              await call('restoreBackup', { id: restoreId })
              return `Restored the backup of ${chosen ? dateTimeText(chosen.createdAt) : 'your choice'}. The squad as it was just before is kept as a new backup, listed below, so this can be undone.`
            })
          }}
        >
          <p>Every athlete, run, assessment and plan goes back to how it was in that backup. What you have now is backed up first, so this can be undone.</p>
        </ConfirmDialog>
      )}
      {confirming === 'remove-demo' && (
        <ConfirmDialog
          title="Remove the demo squad?"
          confirmLabel={`Remove ${demoCount} demo athletes`}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null)
            void act(async () => {
              const r = await call('removeDemoSquad')
              return `Removed ${r.removed} demo athletes. A backup from just before is in the list below.`
            })
          }}
        >
          <p>The {demoCount} demo athletes and everything logged for them go. Your own athletes are not touched, and a backup is taken first.</p>
        </ConfirmDialog>
      )}
      {confirming === 'import' && (
        <ConfirmDialog
          title="Replace your data with an export?"
          confirmLabel="Choose export file…"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null)
            void act(async () => {
              const r = await call('importDatabase')
              return r.path ? `Imported ${r.athletes} athletes. Your previous data is in backup ${r.safetyBackupId}.` : 'Import cancelled.'
            })
          }}
        >
          <p>Importing replaces the whole squad with the one in the file. What you have now is backed up first, so this can be undone from the backups list.</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
