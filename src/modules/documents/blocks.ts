// A rendered document body (the HTML a template produced) read back as a small tree of blocks: headings,
// paragraphs, lists and tables of inline text. Both outputs are written from this tree — the HTML page by
// escaping every text node again, the PDF through the engine — so one template serves both, and markup
// outside the short list below (a <script>, an <img>, an attribute with a script) cannot reach either.
import { DomainError, ErrorCodes } from '../../lib/errors.js';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
  /** A line break (<br>): `text` is empty. */
  br?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[]; className?: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][][]; rows: Inline[][][]; widths?: number[]; className?: string };

interface Tag {
  kind: 'open' | 'close';
  name: string;
  attrs: Record<string, string>;
  at: number;
}
type Token = Tag | { kind: 'text'; text: string; at: number };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/y;
const ATTR = /([a-z-]+)="([^"<>]*)"/g;

function tokenize(html: string, fail: (at: number, message: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const end = lt < 0 ? html.length : lt;
    if (end > i) tokens.push({ kind: 'text', text: decode(html.slice(i, end)), at: i });
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt);
      if (close < 0) fail(lt, 'an unclosed comment');
      i = close + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) fail(lt, `markup that is not a plain tag: ${JSON.stringify(html.slice(lt, lt + 40))}`);
    const attrs: Record<string, string> = {};
    for (const [, key, value] of match[3]!.matchAll(ATTR)) attrs[key!] = decode(value!);
    tokens.push({ kind: match[1] ? 'close' : 'open', name: match[2]!, attrs, at: lt });
    i = TAG.lastIndex;
  }
  return tokens;
}

const INLINE_TAGS = new Set(['strong', 'b', 'em', 'i', 'a', 'br', 'span']);
const CONTAINERS = new Set(['section', 'div', 'article', 'header', 'footer', 'main']);
const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'p', 'ul', 'ol', 'table']);
const ALLOWED_ATTRS = new Set(['class', 'href', 'data-widths', 'id']);

/** Only links a reader can follow safely: the web and e-mail. */
function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

class Reader {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly fail: (at: number, message: string) => never,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private checkAttrs(tag: Tag): void {
    for (const key of Object.keys(tag.attrs)) {
      if (!ALLOWED_ATTRS.has(key)) this.fail(tag.at, `attribute «${key}» on <${tag.name}> is not allowed`);
    }
  }

  /** Inline content up to the closing tag `until`; nested inline tags set bold / italic / href. */
  inlines(until: string, style: Omit<Inline, 'text'> = {}): Inline[] {
    const out: Inline[] = [];
    for (;;) {
      const token = this.tokens[this.i++];
      if (!token) this.fail(Number.POSITIVE_INFINITY, `<${until}> is not closed`);
      if (token.kind === 'text') {
        out.push({ ...style, text: token.text });
        continue;
      }
      if (token.kind === 'close') {
        if (token.name !== until) this.fail(token.at, `</${token.name}> where </${until}> was expected`);
        return out;
      }
      if (!INLINE_TAGS.has(token.name)) this.fail(token.at, `<${token.name}> inside <${until}>`);
      this.checkAttrs(token);
      if (token.name === 'br') {
        out.push({ text: '', br: true });
        continue;
      }
      const nested = { ...style };
      if (token.name === 'strong' || token.name === 'b') nested.bold = true;
      if (token.name === 'em' || token.name === 'i') nested.italic = true;
      if (token.name === 'a') {
        const href = safeHref(token.attrs.href ?? '');
        if (href) nested.href = href;
      }
      out.push(...this.inlines(token.name, nested));
    }
  }

  private skipSpace(): void {
    for (let t = this.peek(); t?.kind === 'text' && t.text.trim() === ''; t = this.peek()) this.i++;
  }

  private expectOpen(names: string[]): Tag {
    this.skipSpace();
    const token = this.tokens[this.i++];
    if (token?.kind !== 'open' || !names.includes(token.name)) {
      this.fail(token?.at ?? Number.POSITIVE_INFINITY, `expected <${names.join('> or <')}>`);
    }
    this.checkAttrs(token);
    return token;
  }

  private isClose(name: string): boolean {
    this.skipSpace();
    const token = this.peek();
    if (token?.kind === 'close' && token.name === name) {
      this.i++;
      return true;
    }
    return false;
  }

  private list(ordered: boolean): Block {
    const items: Inline[][] = [];
    while (!this.isClose(ordered ? 'ol' : 'ul')) {
      this.expectOpen(['li']);
      items.push(tidy(this.inlines('li')));
    }
    return { kind: 'list', ordered, items };
  }

  private rows(until: string, into: Inline[][][]): void {
    while (!this.isClose(until)) {
      this.expectOpen(['tr']);
      const row: Inline[][] = [];
      while (!this.isClose('tr')) {
        const cell = this.expectOpen(['td', 'th']);
        row.push(tidy(this.inlines(cell.name)));
      }
      into.push(row);
    }
  }

  private table(tag: Tag): Block {
    const header: Inline[][][] = [];
    const rows: Inline[][][] = [];
    while (!this.isClose('table')) {
      const part = this.expectOpen(['thead', 'tbody']);
      this.rows(part.name, part.name === 'thead' ? header : rows);
    }
    const widths = tag.attrs['data-widths']?.split(',').map(Number);
    if (widths?.some((w) => !(w > 0))) this.fail(tag.at, 'data-widths: positive numbers separated by commas');
    return { kind: 'table', header, rows, widths, className: tag.attrs.class };
  }

  blocks(until?: string): Block[] {
    const out: Block[] = [];
    for (;;) {
      this.skipSpace();
      const token = this.tokens[this.i++];
      if (!token) {
        if (until) this.fail(Number.POSITIVE_INFINITY, `<${until}> is not closed`);
        return out;
      }
      if (token.kind === 'text') this.fail(token.at, 'text outside a paragraph, list or table');
      if (token.kind === 'close') {
        if (token.name !== until) this.fail(token.at, `</${token.name}> without its opening tag`);
        return out;
      }
      const { name } = token;
      if (!CONTAINERS.has(name) && !BLOCK_TAGS.has(name))
        this.fail(token.at, `<${name}> is not allowed in a document`);
      this.checkAttrs(token);
      if (CONTAINERS.has(name)) out.push(...this.blocks(name));
      else if (name === 'h1' || name === 'h2' || name === 'h3') {
        out.push({ kind: 'heading', level: Number(name[1]) as 1 | 2 | 3, inlines: tidy(this.inlines(name)) });
      } else if (name === 'p')
        out.push({ kind: 'paragraph', inlines: tidy(this.inlines('p')), className: token.attrs.class });
      else if (name === 'ul' || name === 'ol') out.push(this.list(name === 'ol'));
      else if (name === 'table') out.push(this.table(token));
      else this.fail(token.at, `<${name}> is not allowed in a document`);
    }
  }
}

/** Collapses runs of white space as HTML does, and trims the ends of a block. */
function tidy(inlines: Inline[]): Inline[] {
  const out = inlines.map((inline) => ({ ...inline, text: inline.text.replace(/\s+/g, ' ') }));
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((inline) => inline.br || inline.text !== '');
}

/** The plain text of inline content. */
export function plainText(inlines: Inline[]): string {
  return inlines.map((inline) => (inline.br ? '\n' : inline.text)).join('');
}

/** Reads a rendered body; an element outside the allowed list fails with the template file and the line. */
export function parseBlocks(html: string, source: string): Block[] {
  const fail = (at: number, message: string): never => {
    const line = Number.isFinite(at) ? html.slice(0, at).split('\n').length : html.split('\n').length;
    const path = `${source} (rendered line ${line})`;
    throw new DomainError(ErrorCodes.TEMPLATE_INVALID, `${path}: ${message}`, {
      issues: [{ path, message }],
    });
  };
  return new Reader(tokenize(html, fail), fail).blocks();
}
