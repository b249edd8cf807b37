import { useEffect, useState } from 'react'

export type Route =
  | { name: 'squad' }
  | { name: 'board' }
  | { name: 'settings' }
  | { name: 'athlete'; id: string; tab: string }
  | { name: 'print-plan'; athleteId: string; planId: string }

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'athlete' && parts[1]) return { name: 'athlete', id: parts[1], tab: parts[2] ?? 'overview' }
  if (parts[0] === 'print' && parts[1] === 'plan' && parts[2] && parts[3]) return { name: 'print-plan', athleteId: parts[2], planId: parts[3] }
  if (parts[0] === 'board') return { name: 'board' }
  if (parts[0] === 'settings') return { name: 'settings' }
  return { name: 'squad' }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'athlete':
      return `#/athlete/${encodeURIComponent(route.id)}/${encodeURIComponent(route.tab)}`
    case 'print-plan':
      return `#/print/plan/${encodeURIComponent(route.athleteId)}/${encodeURIComponent(route.planId)}`
    default:
      return `#/${route.name}`
  }
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
