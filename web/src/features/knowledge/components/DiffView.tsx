import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../api/useKnowledge';

const styles: Record<string, React.CSSProperties> = {
  added: { background: '#e6ffec', color: '#1a4d2e' },
  removed: { background: '#ffebe9', color: '#82071e', textDecoration: 'line-through' },
  same: { color: '#4a5a70' },
};
const marks: Record<string, string> = { added: '+', removed: '−', same: ' ' };

/** Two versions side by side in one column: removed lines struck out in red, added ones in green. */
export function DiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  return (
    <div data-testid="article-diff">
      {diff.oldTitle !== diff.newTitle && (
        <Typography.Paragraph>
          {t('knowledge.titleChanged')}: <del>{diff.oldTitle}</del> → <ins>{diff.newTitle}</ins>
        </Typography.Paragraph>
      )}
      {diff.oldSummary !== diff.newSummary && (
        <Typography.Paragraph>
          {t('knowledge.summaryChanged')}: <del>{diff.oldSummary}</del> → <ins>{diff.newSummary}</ins>
        </Typography.Paragraph>
      )}
      <pre style={{ fontFamily: 'inherit', whiteSpace: 'pre-wrap', margin: 0, border: '1px solid #dfe3ea', borderRadius: 8, overflow: 'hidden' }}>
        {diff.lines.map((l, i) => (
          <div key={i} style={{ ...styles[l.op], padding: '1px 8px' }} data-op={l.op}>
            <span aria-hidden style={{ display: 'inline-block', width: 16 }}>
              {marks[l.op]}
            </span>
            <span className="tp-visually-hidden">{l.op === 'same' ? '' : t(`knowledge.diff.${l.op as 'added' | 'removed'}`) + ': '}</span>
            {l.text || '\u00a0'}
          </div>
        ))}
      </pre>
    </div>
  );
}
