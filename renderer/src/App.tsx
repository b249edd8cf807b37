import { AppDataProvider, useAppData } from './app-data'
import { Notices } from './components/Notices'
import { ToastProvider } from './components/Toasts'
import { AthletePage } from './features/athlete/AthletePage'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { SquadScreen } from './features/squad/SquadScreen'
import { extraRoutes, navItems } from './features/registry'
import { FindAnything } from './features/find/FindAnything'
import { isPrintRoute, type Route, useRoute } from './route'

function Screen({ route }: { route: Route }) {
  const extra = extraRoutes(route)
  if (extra) return extra
  switch (route.name) {
    case 'athlete':
      return <AthletePage id={route.id} tab={route.tab} />
    case 'settings':
      return <SettingsScreen />
    default:
      return <SquadScreen />
  }
}

function Shell({ route }: { route: Route }) {
  const { loadError } = useAppData()
  const nav = [{ name: 'squad', label: 'Squad' }, ...navItems, { name: 'settings', label: 'Settings' }]
  return (
    <div className="app">
      {/* Focus the content directly: following href="#main" would change the hash, which is our router. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">CalfCoach</span>
        <nav aria-label="Main">
          {nav.map((item) => (
            <a key={item.name} href={`#/${item.name}`} aria-current={route.name === item.name ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <FindAnything route={route} />
      </header>
      <main id="main" tabIndex={-1}>
        {loadError && (
          <div className="notice notice-error" role="alert">
            Could not load the squad: {loadError}
          </div>
        )}
        <Notices />
        <Screen route={route} />
      </main>
    </div>
  )
}

export function App() {
  const route = useRoute()
  // A print window shows one document from its own data (getPrintData, getSquadReport): it loads no squad,
  // status or change feed, which its bridge does not offer anyway (shared/api/print-bridge.ts).
  if (isPrintRoute(route)) return <Screen route={route} />
  return (
    <AppDataProvider>
      <ToastProvider>
        <Shell route={route} />
      </ToastProvider>
    </AppDataProvider>
  )
}
