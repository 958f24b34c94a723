import { Fragment } from 'react';
import { parseMarkdown, type Inline } from './markdown';
import './markdown.css';

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) => {
        switch (p.kind) {
          case 'strong':
            return <strong key={i}>{p.text}</strong>;
          case 'em':
            return <em key={i}>{p.text}</em>;
          case 'code':
            return <code key={i}>{p.text}</code>;
          case 'link':
            return (
              <a key={i} href={p.href} rel="noopener noreferrer" target={p.href.startsWith('/') || p.href.startsWith('#') ? undefined : '_blank'}>
                {p.text}
              </a>
            );
          default:
            return <Fragment key={i}>{p.text}</Fragment>;
        }
      })}
    </>
  );
}

/** An article's Markdown as React elements (see markdown.ts: no HTML is ever injected). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ?? 'tp-markdown'}>
      {parseMarkdown(source).map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const Tag = `h${b.level}` as 'h2' | 'h3' | 'h4';
            return (
              <Tag key={i}>
                <Inlines parts={b.content} />
              </Tag>
            );
          }
          case 'list': {
            const List = b.ordered ? 'ol' : 'ul';
            return (
              <List key={i}>
                {b.items.map((item, k) => (
                  <li key={k}>
                    <Inlines parts={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'quote':
            return (
              <blockquote key={i}>
                <Inlines parts={b.content} />
              </blockquote>
            );
          case 'code':
            return (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
          default:
            return (
              <p key={i}>
                <Inlines parts={b.content} />
              </p>
            );
        }
      })}
    </div>
  );
}
