/**
 * Hybrid logical clock (Kulkarni et al. 2014): a stamp is wall-clock milliseconds plus a counter plus
 * the installation id. It never goes backwards, it moves past every stamp this installation has seen
 * (so an edit made after reading another coach's change always wins over it, even when that coach's
 * clock runs ahead), and ties between installations are broken by the installation id.
 *
 * Stamps are fixed-width strings, so comparing two stamps is comparing two strings.
 */
const MS_WIDTH = 11 // base 36, good for dates far beyond 2200
const COUNTER_WIDTH = 5

export interface HlcParts {
  ms: number
  counter: number
  node: string
}

export function formatHlc(p: HlcParts): string {
  return `${p.ms.toString(36).padStart(MS_WIDTH, '0')}-${p.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${p.node}`
}

const STAMP = new RegExp(`^([0-9a-z]{${MS_WIDTH}})-([0-9a-z]{${COUNTER_WIDTH}})-([a-z0-9][a-z0-9-]{0,63})$`)

export function parseHlc(stamp: string): HlcParts | null {
  const m = STAMP.exec(stamp)
  if (!m) return null
  return { ms: parseInt(m[1]!, 36), counter: parseInt(m[2]!, 36), node: m[3]! }
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && parseHlc(stamp) !== null
}

export class HybridClock {
  private ms = 0
  private counter = 0

  constructor(
    readonly node: string,
    private readonly wall: () => number = Date.now,
  ) {}

  /** A new stamp, later than every stamp made or seen here. */
  now(): string {
    const wall = this.wall()
    if (wall > this.ms) {
      this.ms = wall
      this.counter = 0
    } else {
      this.counter++
    }
    return formatHlc({ ms: this.ms, counter: this.counter, node: this.node })
  }

  /** Moves the clock past a stamp read from another installation's file. */
  observe(stamp: string): void {
    const p = parseHlc(stamp)
    if (!p) return
    if (p.ms > this.ms || (p.ms === this.ms && p.counter > this.counter)) {
      this.ms = p.ms
      this.counter = p.counter
    }
  }

  /** Wall-clock time of a stamp, for "changed at" labels. */
  static timeOf(stamp: string): Date | null {
    const p = parseHlc(stamp)
    return p ? new Date(p.ms) : null
  }
}
