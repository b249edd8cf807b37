import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The one place that orders writes against whole-folder operations. Ordinary saves run side by side
 * (each file still has its own queue); a restore, import, migration or backup is exclusive: it waits
 * for every save already started and holds new ones until it is done, so each save lands either
 * wholly before it or wholly after it, never in between.
 */
export class WriteCoordinator {
  private inFlight = 0
  private idleWaiters: (() => void)[] = []
  private begun = 0
  /** Set while an exclusive operation is waiting or running; new saves wait for it. */
  private barrier: Promise<void> | null = null
  private exclusiveChain: Promise<unknown> = Promise.resolve()
  /** Marks code running inside an exclusive operation, so nested steps (a reopen's migration) don't wait for themselves. */
  private readonly inside = new AsyncLocalStorage<true>()

  /** Runs an ordinary save. It starts only when no exclusive operation is pending. */
  async write<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.inside.getStore()) return fn()
    while (this.barrier) await this.barrier
    this.inFlight++
    this.begun++
    try {
      return await fn()
    } finally {
      if (--this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake()
    }
  }

  /** Runs a whole-folder operation alone: after the saves already started, before any that arrive meanwhile. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.inside.getStore()) return Promise.resolve().then(fn)
    let release!: () => void
    const barrier = new Promise<void>((resolve) => (release = resolve))
    const previous = this.exclusiveChain
    // Raise the barrier now, so saves arriving while an earlier exclusive operation runs queue behind this one too.
    const raise = () => {
      this.barrier = barrier
    }
    if (!this.barrier) raise()
    const run = async (): Promise<T> => {
      raise()
      this.begun++
      try {
        if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
        return await this.inside.run(true, fn)
      } finally {
        if (this.barrier === barrier) this.barrier = null
        release()
      }
    }
    const task = previous.then(run, run)
    this.exclusiveChain = task.catch(() => undefined)
    return task
  }

  /** True inside an exclusive operation (its own steps, a reopen's loading among them). */
  get holding(): boolean {
    return this.inside.getStore() === true
  }

  /**
   * Counts saves and whole-folder operations begun so far. Work that runs alongside saves without
   * holding them back (the daily backup) compares it before and after a pass to know whether a save
   * could have changed the files under it.
   */
  get writesBegun(): number {
    return this.begun
  }

  /** True while a whole-folder operation waits or runs: work alongside saves steps aside for it. */
  get exclusivePending(): boolean {
    return this.barrier !== null
  }

  /** Resolves when no ordinary save is running, without holding new ones back (unlike exclusive). */
  async savesSettled(): Promise<void> {
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve))
  }

  /** Resolves when nothing runs or waits: no save, no whole-folder operation. */
  async settled(): Promise<void> {
    while (!this.idle) {
      if (this.barrier) await this.barrier
      else await this.savesSettled()
    }
  }

  /** True while nothing is queued: used by tests and by shutdown. */
  get idle(): boolean {
    return this.inFlight === 0 && this.barrier === null
  }
}
