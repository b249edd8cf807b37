import { useEffect, useState } from 'react'
import type { ImportProgress } from '../../../../shared/api/channels/run-import'
import { call } from '../../api'
import { Modal } from '../../components/Modal'

/** How often the dialog asks main how far the file has been read. */
const POLL_MS = 250

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1)
}

/**
 * While main reads the chosen file in its worker: how far it has got (bytes, or rows for a CSV), and a
 * Cancel button that stops the reading; nothing is saved either way until the coach imports from the preview.
 */
export function ImportReadingProgress({ progressId }: { progressId: string }) {
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [cancelling, setCancelling] = useState(false)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const p = await call('getRunImportProgress', { progressId })
        if (!stopped) setProgress(p)
      } catch {
        // A failed poll only delays the next figure; the preview call itself reports real problems.
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [progressId])

  if (!progress || progress.state !== 'reading') return null
  const cancel = () => {
    setCancelling(true)
    void call('cancelRunImport', { progressId }).catch(() => setCancelling(false))
  }
  const { bytesRead, totalBytes, rowsRead } = progress
  return (
    <Modal title="Reading the file" onClose={cancel}>
      <div role="status" aria-live="polite" data-testid="import-reading">
        <progress aria-label="Reading the file" className="import-progress" max={totalBytes || 1} value={bytesRead} />
        <p>
          {megabytes(bytesRead)} of {megabytes(totalBytes)} MB read{rowsRead > 0 && `, ${rowsRead.toLocaleString()} rows`}…
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={cancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
    </Modal>
  )
}
