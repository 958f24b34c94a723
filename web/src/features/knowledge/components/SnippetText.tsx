import type { Schema } from '../../../shared/api';

/** Text pieces from the server with the matched words marked; plain text, never HTML. */
export function SnippetText({ parts }: { parts: Schema<'SnippetPart'>[] }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
