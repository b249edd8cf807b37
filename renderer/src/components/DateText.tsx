import { longDate, relativeDay, tableDate } from '../dates'

/**
 * A calendar date as a coach reads it: "Mon 7 Dec" in tables (the default), "7 December 2026" in
 * sentences, or "3 days ago". Never wraps mid-date, and the full date is there on hover.
 */
export function DateText({ iso, style = 'table' }: { iso: string; style?: 'table' | 'long' | 'relative' }) {
  const text = style === 'long' ? longDate(iso) : style === 'relative' ? relativeDay(iso) : tableDate(iso)
  return (
    <time className="date" dateTime={iso} title={style === 'long' ? undefined : longDate(iso)}>
      {text}
    </time>
  )
}
