import { useEffect, useMemo, useRef, useState } from 'react'
import type { SearchHit } from '../../../../shared/api/channels/search'
import { matchesQuery } from '../../../../shared/search/find-text'
import { call } from '../../api'
import { useAppData } from '../../app-data'
import { Modal } from '../../components/Modal'
import { tableDate } from '../../dates'
import { hrefFor, type Route } from '../../route'
import { navItems } from '../registry'
import './find.css'

/** One choice in the list: where Enter goes, and what the coach reads. */
interface Choice {
  key: string
  label: string
  detail: string
  route: Route
}

const SCREENS: Choice[] = [
  { name: 'squad', label: 'Squad' },
  ...navItems,
  { name: 'settings', label: 'Settings' },
].map((s) => ({ key: `screen-${s.name}`, label: s.label, detail: 'Screen', route: { name: s.name } as Route }))

const HIT_WORDS: Record<SearchHit['kind'], { detail: string; tab: string }> = {
  'run-note': { detail: 'Run note', tab: 'runs' },
  'assessment-note': { detail: 'Assessment note', tab: 'assessment' },
  plan: { detail: 'Plan', tab: 'plan' },
}

/** Waits this long after the last key before asking main to search the notes (typing stays instant). */
const SEARCH_AFTER_MS = 200

/**
 * Ctrl/Cmd+K (issue 13 point 9): one text box over screens, athletes by name, and (from main) run notes,
 * assessment notes and plan names. A combobox with a listbox: arrows move, Enter opens, Escape closes.
 */
export function QuickSwitcher({ onClose }: { onClose(): void }) {
  const { squad } = useAppData()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [found, setFound] = useState<{ query: string; hits: SearchHit[]; more: boolean } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const latest = useRef('')

  const trimmed = query.trim()
  useEffect(() => {
    latest.current = trimmed
    if (trimmed.length < 2) return
    const timer = window.setTimeout(() => {
      call('searchRecords', { query: trimmed }).then(
        (r) => latest.current === trimmed && (setFound({ query: trimmed, ...r }), setProblem(null)),
        (e: unknown) => latest.current === trimmed && setProblem(e instanceof Error ? e.message : String(e)),
      )
    }, SEARCH_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [trimmed])

  const choices = useMemo<Choice[]>(() => {
    const screens = SCREENS.filter((s) => !trimmed || matchesQuery(s.label, trimmed))
    const athletes = (squad?.athletes ?? [])
      .filter((a) => !trimmed || matchesQuery(a.name, trimmed))
      .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name))
      .slice(0, 20)
      .map<Choice>((a) => ({ key: `athlete-${a.id}`, label: a.name, detail: a.archived ? 'Athlete (archived)' : 'Athlete', route: { name: 'athlete', id: a.id, tab: 'overview' } }))
    const hits = found && found.query === trimmed && trimmed.length >= 2 ? found.hits : []
    const records = hits.map<Choice>((h, i) => ({
      key: `hit-${i}`,
      label: h.excerpt,
      detail: `${HIT_WORDS[h.kind].detail} · ${h.athleteName}${h.date ? ` · ${tableDate(h.date)}` : ''}`,
      route: { name: 'athlete', id: h.athleteId, tab: HIT_WORDS[h.kind].tab },
    }))
    return [...screens, ...athletes, ...records]
  }, [squad, trimmed, found])

  const current = Math.min(active, Math.max(0, choices.length - 1))
  const open = (choice: Choice | undefined) => {
    if (!choice) return
    window.location.hash = hrefFor(choice.route)
    onClose()
  }
  const searching = trimmed.length >= 2 && found?.query !== trimmed && !problem

  return (
    <Modal title="Go to" onClose={onClose}>
      <input
        className="switcher-input"
        role="combobox"
        aria-label="Athlete, screen or words in notes and plans"
        aria-expanded={choices.length > 0}
        aria-controls="switcher-list"
        aria-autocomplete="list"
        aria-activedescendant={choices[current] ? `switcher-${choices[current].key}` : undefined}
        value={query}
        placeholder="Type a name, a screen, or words from a note or plan"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const step = e.key === 'ArrowDown' ? 1 : -1
            setActive((current + step + choices.length) % Math.max(1, choices.length))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            open(choices[current])
          }
        }}
      />
      <ul id="switcher-list" role="listbox" aria-label="Matches" className="switcher-list">
        {choices.map((c, i) => (
          <li
            key={c.key}
            id={`switcher-${c.key}`}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'switcher-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => open(c)}
          >
            <span className="switcher-label">{c.label}</span>
            <span className="switcher-detail">{c.detail}</span>
          </li>
        ))}
      </ul>
      <p className="muted switcher-status" role="status">
        {problem
          ? `Could not search the notes: ${problem}`
          : searching
            ? 'Searching notes and plans…'
            : choices.length === 0
              ? 'Nothing matches.'
              : `${choices.length} ${choices.length === 1 ? 'match' : 'matches'}${found?.more && found.query === trimmed ? ' (more notes match: type more words to narrow them)' : ''}. Up and down arrows choose, Enter opens, Escape closes.`}
      </p>
    </Modal>
  )
}
