import { createContext, type ReactNode, useContext, useEffect, useState } from 'react'
import type { RecordAuthorship } from '../../../../shared/api/channels/share'
import { call, DATA_CHANGED } from '../../api'
import { useAppData } from '../../app-data'
import { dateTimeText } from '../../dates'

const AuthorsContext = createContext<ReadonlyMap<string, RecordAuthorship>>(new Map())

/**
 * Who created and last changed each record of one athlete (runs, assessments, plans, clearances and the
 * profile), for a squad shared through a club folder; empty for a single coach. Loaded again after every
 * save this window makes and every change merged in from another coach.
 */
export function RecordAuthorsProvider({ athleteId, children }: { athleteId: string; children: ReactNode }) {
  const { changeCount } = useAppData()
  const [authors, setAuthors] = useState<ReadonlyMap<string, RecordAuthorship>>(new Map())
  const [writes, setWrites] = useState(0)
  useEffect(() => {
    const bump = () => setWrites((n) => n + 1)
    window.addEventListener(DATA_CHANGED, bump)
    return () => window.removeEventListener(DATA_CHANGED, bump)
  }, [])
  useEffect(() => {
    let current = true
    call('getRecordAuthors', { athleteId })
      .then(({ records }) => current && setAuthors(new Map(records.map((r) => [r.id, r]))))
      .catch(() => current && setAuthors(new Map()))
    return () => {
      current = false
    }
  }, [athleteId, changeCount, writes])
  return <AuthorsContext.Provider value={authors}>{children}</AuthorsContext.Provider>
}

/** "Added by Sam, Tue 2 Dec 14:02 · changed by Alex, …" for one record; nothing for a single coach. */
export function RecordAuthor({ id }: { id: string }) {
  const a = useContext(AuthorsContext).get(id)
  if (!a) return null
  const when = (iso: string | null) => (iso ? `, ${dateTimeText(iso)}` : '')
  const changed = a.changedAt !== a.createdAt || a.changedBy !== a.createdBy
  return (
    <span className="record-author muted" data-testid="record-author">
      Added by {a.createdBy}
      {when(a.createdAt)}
      {changed && (
        <>
          {' · '}changed by {a.changedBy}
          {when(a.changedAt)}
        </>
      )}
    </span>
  )
}
