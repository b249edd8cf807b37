import { useAppData } from '../../app-data'
import { navigate } from '../../route'
import { AthleteStatusHeader } from '../clinical/AthleteStatusHeader'
import { RecordAuthorsProvider } from './record-authors'
import { athleteTabs } from './tabs'

export function AthletePage({ id, tab }: { id: string; tab: string }) {
  const { squad, status } = useAppData()
  if (!squad) return <p>Loading…</p>
  const athlete = squad.athletes.find((a) => a.id === id)
  if (!athlete) {
    return (
      <section>
        <h1>Athlete not found</h1>
        <p>This athlete is not in the squad (perhaps deleted). <a href="#/squad">Back to the squad</a></p>
      </section>
    )
  }
  const active = athleteTabs.find((t) => t.id === tab) ?? athleteTabs[0]!
  const locked = status?.lockedAthleteIds.includes(athlete.id)
  return (
    <section aria-labelledby="athlete-title">
      <p className="breadcrumb">
        <a href="#/squad">Squad</a> › {athlete.name}
      </p>
      <h1 id="athlete-title">
        {athlete.name} {athlete.archived && <span className="badge">Archived</span>} {locked && <span className="badge badge-red">Locked</span>}
      </h1>
      <AthleteStatusHeader athleteId={athlete.id} />
      <div role="tablist" aria-label="Athlete sections" className="tabs">
        {athleteTabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={t.id === active.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active.id ? 0 : -1}
            onClick={() => navigate({ name: 'athlete', id, tab: t.id })}
            onKeyDown={(e) => {
              const i = athleteTabs.findIndex((x) => x.id === t.id)
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
              if (!step) return
              const next = athleteTabs[(i + step + athleteTabs.length) % athleteTabs.length]!
              navigate({ name: 'athlete', id, tab: next.id })
              requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus())
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} className="tab-panel">
        <RecordAuthorsProvider athleteId={athlete.id}>{active.render({ athlete, groups: squad.groups, settings: squad.settings })}</RecordAuthorsProvider>
      </div>
    </section>
  )
}
