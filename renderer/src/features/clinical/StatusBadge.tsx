import './clinical.css'

/** The clinical status line in its colour: the same badge on the board, the squad list and the athlete header. */
export function StatusBadge({ colour, headline }: { colour: 'red' | 'amber' | 'green'; headline: string }) {
  return (
    <span className={`status-badge status-${colour}`} data-testid="status-badge" data-level={colour}>
      {headline}
    </span>
  )
}
