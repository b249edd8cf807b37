// Matching typed words against stored text, for "find anything" (issue 13 point 9). Pure, so main's search and
// the quick switcher's athlete list agree on what matches.

/** Lower case without accents, so "Zoë" is found by "zoe". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

/** True when every word of the query appears somewhere in the text (in any order). */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = foldText(text)
  return foldText(query).split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))
}

/** About `width` characters of the text around the first query word, with … where it was cut. */
export function excerptAround(text: string, query: string, width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= width) return flat
  const first = foldText(query).split(/\s+/).find(Boolean) ?? ''
  const at = Math.max(0, foldText(flat).indexOf(first))
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), flat.length - width))
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + width).trim()}${start + width < flat.length ? '…' : ''}`
}
