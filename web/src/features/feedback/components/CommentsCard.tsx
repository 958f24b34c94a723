import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommentMeasure } from '../api/useFeedback';

const tones = [
  { key: 'negative', color: '#c0392b' },
  { key: 'neutral', color: '#7f8c8d' },
  { key: 'positive', color: '#1e7b45' },
] as const;

/** How the period's survey comments feel and what they are about, as the assist models read them. */
export function CommentsCard({ comments }: { comments: CommentMeasure }) {
  const { t } = useTranslation();
  const read = comments.analysed;
  return (
    <Card size="small" title={t('feedback.commentsCard.title')} data-testid="comments-card">
      {comments.comments === 0 ? (
        <Typography.Text type="secondary">{t('feedback.commentsCard.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Text type="secondary">{t('feedback.commentsCard.read', { analysed: read, comments: comments.comments })}</Typography.Text>
          {/* One bar split by tone, with the counts written out: colour alone would not tell everyone. */}
          <div style={{ display: 'flex', height: 22, borderRadius: 4, overflow: 'hidden', margin: '8px 0 4px' }} role="img"
            aria-label={tones.map((x) => `${t(`feedback.commentsCard.${x.key}`)} ${comments[x.key]}`).join(', ')}>
            {read > 0 && tones.map((x) => comments[x.key] > 0 && (
              <div key={x.key} style={{ flex: comments[x.key], background: x.color }} />
            ))}
          </div>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', marginBottom: 12 }}>
            {tones.map((x) => (
              <span key={x.key} data-testid={`comments-${x.key}`}>
                <span style={{ display: 'inline-block', width: 10, height: 10, background: x.color, marginRight: 6, borderRadius: 2 }} />
                {t(`feedback.commentsCard.${x.key}`)} {comments[x.key]}
              </span>
            ))}
          </div>
          {comments.topics.length > 0 && (
            <Table
              rowKey="intent"
              size="small"
              pagination={false}
              dataSource={comments.topics}
              columns={[
                { key: 'label', title: t('feedback.commentsCard.topic'), dataIndex: 'label' },
                { key: 'count', title: t('feedback.count'), dataIndex: 'count', align: 'right', width: 70 },
                { key: 'negative', title: t('feedback.commentsCard.negativeCount'), dataIndex: 'negative', align: 'right', width: 90 },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
