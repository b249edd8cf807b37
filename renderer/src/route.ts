import { useEffect, useState } from 'react'

export type Route =
  | { name: 'squad' }
  | { name: 'board' }
  | { name: 'week' }
  | { name: 'settings' }
  | { name: 'athlete'; id: string; tab: string }
  | { name: 'print-plan'; athleteId: string; planId: string }
  /** The squad report's print view: a group's id, or null for the whole squad ("all" in the address). */
  | { name: 'print-squad'; groupId: string | null }

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'athlete' && parts[1]) return { name: 'athlete', id: parts[1], tab: parts[2] ?? 'overview' }
  if (parts[0] === 'print' && parts[1] === 'plan' && parts[2] && parts[3]) return { name: 'print-plan', athleteId: parts[2], planId: parts[3] }
  if (parts[0] === 'print' && parts[1] === 'squad' && parts[2]) return { name: 'print-squad', groupId: parts[2] === 'all' ? null : parts[2] }
  if (parts[0] === 'board') return { name: 'board' }
  if (parts[0] === 'week') return { name: 'week' }
  if (parts[0] === 'settings') return { name: 'settings' }
  return { name: 'squad' }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'athlete':
      return `#/athlete/${encodeURIComponent(route.id)}/${encodeURIComponent(route.tab)}`
    case 'print-plan':
      return `#/print/plan/${encodeURIComponent(route.athleteId)}/${encodeURIComponent(route.planId)}`
    case 'print-squad':
      return `#/print/squad/${encodeURIComponent(route.groupId ?? 'all')}`
    default:
      return `#/${route.name}`
  }
}

/** Print views draw alone: no header, no navigation. */
export function isPrintRoute(route: Route): boolean {
  return route.name === 'print-plan' || route.name === 'print-squad'
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
