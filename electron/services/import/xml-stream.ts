// A small streaming XML reader for GPX and TCX: text goes in chunk by chunk and element events come out,
// so a 50 MB track is read without ever holding the file or a document tree. It checks that elements nest
// properly (a damaged or cut-short file is refused) and expands only XML's five built-in entities and
// character references: a DOCTYPE is skipped, its entities are never expanded (no "billion laughs").

export interface XmlHandler {
  /** Start of an element; `name` without namespace prefix. */
  open(name: string, attrs: Readonly<Record<string, string>>): void
  close(name: string): void
  /** Character data, possibly in several pieces for one text node. */
  text(value: string): void
}

export type XmlEnd =
  | { ok: true; rootSeen: boolean }
  /** The file ends inside these elements (outermost first): it was cut short. */
  | { ok: false; truncatedInside: string[] }

export class XmlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly why: string,
  ) {
    super(`not well-formed XML at line ${line}, column ${column}: ${why}`)
  }
}

const BUILT_IN: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/
const ATTR = /([A-Za-z_][\w.\-:]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
/** Text without '<' longer than this is passed on without waiting for the rest of it. */
const LONG_TEXT = 1 << 20

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return BUILT_IN[ref] ?? whole
  })
}

function localName(qname: string): string {
  const i = qname.indexOf(':')
  return i < 0 ? qname : qname.slice(i + 1)
}

export class XmlStream {
  private buf = ''
  private readonly stack: string[] = []
  private line = 1
  private column = 1
  private rootSeen = false
  private rootClosed = false

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of the document. Throws XmlSyntaxError for a malformed document. */
  write(chunk: string): void {
    this.buf = this.buf.length ? this.buf + chunk : chunk
    let pos = 0
    const buf = this.buf
    for (;;) {
      const lt = buf.indexOf('<', pos)
      if (lt < 0) {
        // Wait for the rest of the text unless it is very long; keep a trailing "&…" for the next chunk.
        if (buf.length - pos > LONG_TEXT) {
          const amp = buf.lastIndexOf('&')
          const upTo = amp > pos && buf.length - amp < 12 ? amp : buf.length
          this.emitText(buf.slice(pos, upTo))
          pos = this.advance(buf, pos, upTo)
        }
        break
      }
      if (lt > pos) {
        this.emitText(buf.slice(pos, lt))
        pos = this.advance(buf, pos, lt)
      }
      const end = this.tokenEnd(buf, lt)
      if (end < 0) break // the token continues in the next chunk
      this.token(buf.slice(lt, end))
      pos = this.advance(buf, lt, end)
    }
    this.buf = buf.slice(pos)
  }

  /** Ends the document: reports a cut-short file instead of throwing. */
  end(): XmlEnd {
    const rest = this.buf.trim()
    if (this.stack.length > 0 || (rest.startsWith('<') && !this.rootClosed)) return { ok: false, truncatedInside: this.stack.map(localName) }
    return { ok: true, rootSeen: this.rootSeen }
  }

  private fail(why: string): never {
    throw new XmlSyntaxError(this.line, this.column, why)
  }

  private emitText(raw: string): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== '') this.fail('text outside the root element')
      return
    }
    this.handler.text(decodeEntities(raw))
  }

  /** Moves the line/column counters over buf[from, to) and returns `to`. */
  private advance(buf: string, from: number, to: number): number {
    let nl = buf.indexOf('\n', from)
    if (nl < 0 || nl >= to) {
      this.column += to - from
      return to
    }
    let last = nl
    while (nl >= 0 && nl < to) {
      this.line++
      last = nl
      nl = buf.indexOf('\n', nl + 1)
    }
    this.column = to - last
    return to
  }

  /** Index just past the token starting at `lt`, or -1 when it is not complete yet. */
  private tokenEnd(buf: string, lt: number): number {
    if (buf.startsWith('<!--', lt)) {
      const e = buf.indexOf('-->', lt + 4)
      return e < 0 ? -1 : e + 3
    }
    if (buf.startsWith('<![CDATA[', lt)) {
      const e = buf.indexOf(']]>', lt + 9)
      return e < 0 ? -1 : e + 3
    }
    if (buf.startsWith('<?', lt)) {
      const e = buf.indexOf('?>', lt + 2)
      return e < 0 ? -1 : e + 2
    }
    if (buf.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in [...]: skipped whole, never interpreted.
      let depth = 0
      for (let i = lt + 2; i < buf.length; i++) {
        const c = buf.charCodeAt(i)
        if (c === 0x5b) depth++
        else if (c === 0x5d) depth--
        else if (c === 0x3e && depth <= 0) return i + 1
      }
      return -1
    }
    let quote = 0
    for (let i = lt + 1; i < buf.length; i++) {
      const c = buf.charCodeAt(i)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 0x22 || c === 0x27) quote = c
      else if (c === 0x3e) return i + 1
      else if (c === 0x3c) this.fail('"<" inside a tag')
    }
    return -1
  }

  private token(tok: string): void {
    if (tok.startsWith('<!--') || tok.startsWith('<?')) return
    if (tok.startsWith('<![CDATA[')) {
      if (this.stack.length === 0) this.fail('character data outside the root element')
      this.handler.text(tok.slice(9, -3))
      return
    }
    if (tok.startsWith('<!')) {
      if (this.rootSeen) this.fail('a DOCTYPE after the root element')
      return
    }
    if (tok[1] === '/') {
      const name = tok.slice(2, -1).trim()
      const open = this.stack.pop()
      if (open === undefined) this.fail(`closing tag </${name}> without an opening tag`)
      if (open !== name) this.fail(`</${name}> closes <${open}>`)
      this.handler.close(localName(name))
      if (this.stack.length === 0) this.rootClosed = true
      return
    }
    const selfClosing = tok.endsWith('/>')
    const inner = tok.slice(1, selfClosing ? -2 : -1)
    const space = inner.search(/\s/)
    const name = space < 0 ? inner : inner.slice(0, space)
    if (!NAME.test(name)) this.fail(`"<${name.slice(0, 20)}" is not a valid tag`)
    if (this.rootClosed) this.fail('a second root element')
    const attrs: Record<string, string> = {}
    if (space >= 0) {
      const rest = inner.slice(space)
      ATTR.lastIndex = 0
      let consumed = rest.replace(ATTR, (_whole, key: string, dq: string | undefined, sq: string | undefined) => {
        attrs[localName(key)] = decodeEntities(dq ?? sq ?? '')
        return ''
      })
      consumed = consumed.trim()
      if (consumed !== '') this.fail(`the attributes of <${name}> are malformed`)
    }
    this.rootSeen = true
    this.handler.open(localName(name), attrs)
    if (selfClosing) {
      this.handler.close(localName(name))
      if (this.stack.length === 0) this.rootClosed = true
    } else {
      this.stack.push(name)
    }
  }
}
