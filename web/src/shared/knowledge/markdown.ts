/**
 * A small, safe subset of Markdown for knowledge articles: headings, paragraphs, lists, quotes, code blocks, bold,
 * italics, inline code and links. It produces a tree that React renders as elements, so HTML in an article is shown
 * as text and can never run; link targets are limited to http(s), mailto and paths on this site.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; content: Inline[] }
  | { kind: 'code'; text: string };

const inlinePattern = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\)|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/g;

/** Whether a link target is safe to follow: no javascript:, data: or other schemes. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (trimmed.startsWith('#')) return trimmed;
  return null;
}

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  for (const piece of text.split(inlinePattern)) {
    if (!piece) continue;
    if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 4) parts.push({ kind: 'strong', text: piece.slice(2, -2) });
    else if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 2) parts.push({ kind: 'code', text: piece.slice(1, -1) });
    else if (/^\[[^\]]+\]\([^)\s]+\)$/.test(piece)) {
      const [, label = '', target = ''] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(piece) ?? [];
      const href = safeHref(target);
      parts.push(href ? { kind: 'link', text: label, href } : { kind: 'text', text: label });
    } else if ((piece.startsWith('*') && piece.endsWith('*')) || (piece.startsWith('_') && piece.endsWith('_'))) {
      parts.push(piece.length > 2 ? { kind: 'em', text: piece.slice(1, -1) } : { kind: 'text', text: piece });
    } else parts.push({ kind: 'text', text: piece });
  }
  return parts;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith('```'); i++) code.push(lines[i] ?? '');
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(4, Math.max(2, (heading[1] ?? '#').length + 1)) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, content: parseInline((heading[2] ?? '').replace(/\s#+\s*$/, '')) });
      continue;
    }
    const item = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1] ?? '');
      const last = blocks[blocks.length - 1];
      const content = parseInline(item[2] ?? '');
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(content);
      else blocks.push({ kind: 'list', ordered, items: [content] });
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      blocks.push({ kind: 'quote', content: parseInline(quote[1] ?? '') });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
