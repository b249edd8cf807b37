import { type ComponentType, type JSX, lazy, Suspense } from 'react'

/**
 * A component whose code loads the first time it is shown, so the first screen's bundle does not carry
 * charts, the plan builder, printing or import. While the code loads, a short line says what is coming.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, what: string): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }))
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={<p className="muted">Loading {what}…</p>}>
        <Loaded {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    )
  }
  return LazyComponent
}
