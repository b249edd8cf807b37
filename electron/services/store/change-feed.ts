/**
 * Counts changes merged in from other coaches, so the renderer can ask "anything since n?" and be
 * answered the moment one arrives (a long poll) instead of polling the store.
 */
export class ChangeFeed {
  count = 0
  private waiters: (() => void)[] = []

  /** Records one batch of changes and wakes every waiting caller. */
  bump(): void {
    this.count++
    for (const wake of this.waiters.splice(0)) wake()
  }

  /** Resolves when the count passes `since`, or after `timeoutMs` (the caller asks again). */
  async wait(since: number, timeoutMs: number): Promise<number> {
    if (this.count > since) return this.count
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      timer.unref?.()
      this.waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    return this.count
  }
}
