import { useState } from 'react'
import { call } from '../api'
import { useAppData } from '../app-data'

/** Data-folder events (damaged files, restores, read-only folder) stay on screen until dismissed. */
export function Notices() {
  const { status, refresh } = useAppData()
  const [stillHeld, setStillHeld] = useState(false)
  if (!status) return null
  return (
    <div className="notices" aria-live="polite">
      {status.readOnlyReason && (
        <div className="notice notice-error" role="alert">
          <div>
            <strong>Read-only: </strong>
            {status.readOnlyReason}
            {stillHeld && <span> The other window is still open.</span>}
          </div>
          {/* Changes the other window saves show here by themselves; once it has quit, this window can take over. */}
          <button
            type="button"
            className="link"
            onClick={async () => {
              const next = await call('takeOverDataFolder', undefined)
              setStillHeld(next.readOnlyReason !== null)
              await refresh()
            }}
          >
            Make changes in this window
          </button>
        </div>
      )}
      {status.notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} role={n.level === 'info' ? 'status' : 'alert'} data-testid="notice">
          <div>
            <strong>{n.title}. </strong>
            {n.detail}
            {n.file && <span className="muted"> ({n.file})</span>}
          </div>
          <button
            type="button"
            className="link"
            aria-label={`Dismiss: ${n.title}`}
            onClick={async () => {
              await call('dismissNotice', { id: n.id })
              await refresh()
            }}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
