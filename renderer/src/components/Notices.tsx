import { call } from '../api'
import { useAppData } from '../app-data'

/** Data-folder events (damaged files, restores, read-only folder) stay on screen until dismissed. */
export function Notices() {
  const { status, refresh } = useAppData()
  if (!status) return null
  return (
    <div className="notices" aria-live="polite">
      {status.readOnlyReason && (
        <div className="notice notice-error" role="alert">
          <strong>Read-only: </strong>
          {status.readOnlyReason}
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
