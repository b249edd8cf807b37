import { defaultRangeExtractor, type Range, useWindowVirtualizer } from '@tanstack/react-virtual'
import { type FocusEvent, Fragment, type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'

/**
 * Up to this many rows a table body is drawn in full: cheap, and every row stays in the page for the
 * browser's own search and for printing. Longer lists (a big club's 300–1,000 athletes) draw only the
 * rows around what the window shows.
 */
export const DRAW_ALL_UP_TO = 100

/** Rows drawn beyond each edge of the window, so Tab and the arrow keys always find the next row drawn. */
const OVERSCAN = 8

/**
 * What a row must put on its `<tr>`: `aria-rowindex={rowIndex} data-index={index} ref={measureRef}`
 * (its position for screen readers, and what lets the list measure it). Plain values and a stable
 * function, so a memoised row is not drawn again while it stays the same.
 */
export interface RowPlacement {
  rowIndex: number
  index: number
  measureRef?: (row: HTMLTableRowElement | null) => void
}

interface VirtualBodyProps<T> {
  rows: readonly T[]
  /** Number of columns, so a gap row spans the table. */
  columns: number
  /** A first guess of a row's height in pixels; every drawn row is measured. */
  estimateRowHeight: number
  /** A stable function (not a new one on each render): the key of a row, unique in the list. */
  rowKey(row: T): string
  renderRow(row: T, placement: RowPlacement): ReactNode
  /** When this key changes to a row's key, that row is scrolled into view (drawn first if needed). */
  revealKey?: string | null
  drawAllUpTo?: number
}

/** Stands in for rows that are not drawn, so the scroll bar and the page length stay true. */
function Gap({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="virtual-gap" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  )
}

/**
 * A `<tbody>` whose rows are drawn only near the visible part of the window once the list is long.
 * The table keeps its native row semantics: the caller sets `aria-rowcount` on the `<table>` (see
 * `rowCountFor`) and each drawn row carries its `aria-rowindex`, so a screen reader announces
 * "row 512 of 1,001". The row holding keyboard focus (and its neighbours) stays drawn when the coach
 * scrolls away with the mouse, so focus is never lost and Tab carries on from where it was.
 */
export function VirtualBody<T>({ rows, columns, estimateRowHeight, rowKey, renderRow, revealKey = null, drawAllUpTo = DRAW_ALL_UP_TO }: VirtualBodyProps<T>) {
  const virtualise = rows.length > drawAllUpTo
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  // Where the body starts on the page: the virtualiser works in window coordinates.
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!virtualise || !body) return
    const top = body.getBoundingClientRect().top + window.scrollY
    if (Math.abs(top - scrollMargin) >= 1) setScrollMargin(top)
  })

  const indexByKey = useMemo(() => (virtualise ? new Map(rows.map((row, i) => [rowKey(row), i])) : new Map<string, number>()), [rows, rowKey, virtualise])
  const focusedKey = useRef<string | null>(null)
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      const focused = focusedKey.current === null ? undefined : indexByKey.get(focusedKey.current)
      if (focused === undefined) return indexes
      const extra = [focused - 1, focused, focused + 1].filter((i) => i >= 0 && i < range.count && !indexes.includes(i))
      return extra.length ? [...indexes, ...extra].sort((a, b) => a - b) : indexes
    },
    [indexByKey],
  )

  // Stable while the rows are: a new key function would make the virtualiser lay out every row again.
  const getItemKey = useCallback((i: number) => (rows[i] === undefined ? i : rowKey(rows[i])), [rows, rowKey])
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => estimateRowHeight,
    overscan: OVERSCAN,
    scrollMargin,
    enabled: virtualise,
    getItemKey,
    rangeExtractor,
    // Scroll updates are ordinary React updates: no flushSync inside React's own render phase.
    useFlushSync: false,
  })

  const revealIndex = revealKey === null ? -1 : virtualise ? (indexByKey.get(revealKey) ?? -1) : rows.findIndex((row) => rowKey(row) === revealKey)
  const revealable = revealIndex >= 0
  useEffect(() => {
    if (!revealable) return
    if (virtualise) virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
    else bodyRef.current?.querySelector(`tr[data-index="${revealIndex}"]`)?.scrollIntoView({ block: 'nearest' })
    // Only a new key, or its row arriving in the list, asks for a scroll: not every keystroke in a search.
  }, [revealKey, revealable])

  const onFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    const index = Number((e.target as HTMLElement).closest('tr[data-index]')?.getAttribute('data-index'))
    const row = rows[index]
    focusedKey.current = row === undefined ? null : rowKey(row)
  }
  const onBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focusedKey.current = null
  }

  if (!virtualise) {
    return (
      <tbody ref={bodyRef}>
        {rows.map((row, i) => (
          <Fragment key={rowKey(row)}>{renderRow(row, { rowIndex: i + 2, index: i })}</Fragment>
        ))}
      </tbody>
    )
  }

  const drawn: ReactNode[] = []
  let drawnTo = 0
  for (const item of virtualizer.getVirtualItems()) {
    const row = rows[item.index]
    if (row === undefined) continue
    const start = item.start - scrollMargin
    if (start - drawnTo >= 1) drawn.push(<Gap key={`gap-before-${String(item.key)}`} height={start - drawnTo} columns={columns} />)
    drawn.push(<Fragment key={String(item.key)}>{renderRow(row, { rowIndex: item.index + 2, index: item.index, measureRef: virtualizer.measureElement })}</Fragment>)
    drawnTo = start + item.size
  }
  const total = virtualizer.getTotalSize()
  if (total - drawnTo >= 1) drawn.push(<Gap key="gap-end" height={total - drawnTo} columns={columns} />)
  return (
    <tbody ref={bodyRef} onFocus={onFocus} onBlur={onBlur}>
      {drawn}
    </tbody>
  )
}

/** `aria-rowcount` for a table with one heading row above `rows` body rows. */
export function rowCountFor(rows: readonly unknown[]): number {
  return rows.length + 1
}
