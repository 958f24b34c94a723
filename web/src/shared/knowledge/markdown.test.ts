import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings, lists and paragraphs', () => {
    const blocks = parseMarkdown('## 营业时间\n\n- 周一至周五\n- 周六\n\n1. 取号\n2. 等候\n\n第一行\n第二行');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'list', 'list', 'paragraph']);
    expect(blocks[0]).toMatchObject({ level: 3 });
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: '周一至周五' }], [{ text: '周六' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true });
  });

  it('keeps HTML as text', () => {
    const blocks = parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] }]);
  });

  it('drops unsafe link targets but keeps their words', () => {
    expect(parseInline('[click](javascript:alert%281%29)')).toEqual([{ kind: 'text', text: 'click' }]);
    expect(parseInline('see [hours](/help/a/1) and **ID**')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'hours', href: '/help/a/1' },
      { kind: 'text', text: ' and ' },
      { kind: 'strong', text: 'ID' },
    ]);
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://example.com')).toBe('https://example.com');
  });
});
