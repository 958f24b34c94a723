import { FireOutlined, LoadingOutlined } from '@ant-design/icons';
import { Descriptions, Popover, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../api';
import { intentName } from './intentName';
import { useProblemReporter } from '../ui';
import { useAssistIntents, useCorrectAnalysis, type TextAnalysis } from './useAssist';

export const sentiments = ['negative', 'neutral', 'positive'] as const;
export const emotions = ['anger', 'anxiety', 'disappointment', 'satisfaction'] as const;
const outOfScope = 'oos';

// Dark shades for white text (4.5:1 contrast), as the case tags use.
const sentimentColour: Record<(typeof sentiments)[number], string | undefined> = { negative: '#a8071a', neutral: undefined, positive: '#237804' };

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * What the models read in a customer's text: a small tag (sentiment · intent, a flame when it raised the priority),
 * and on click the details, with the corrections staff may make (they teach the models).
 */
export function AnalysisBadge({ analysis, canCorrect }: { analysis: TextAnalysis; canCorrect: boolean }) {
  const { t } = useTranslation();
  const intents = useAssistIntents();
  const correct = useCorrectAnalysis();
  const report = useProblemReporter();
  if (analysis.pending)
    return (
      <Tag data-testid="analysis-badge" icon={<LoadingOutlined />}>
        {t('assist.analysing')}
      </Tag>
    );
  const sentiment = oneOf(analysis.sentiment, sentiments);
  const intentLabel = analysis.intent === outOfScope ? t('assist.outOfScope') : (analysis.intentName ?? analysis.intent);
  const send = (change: { sentiment?: string; intent?: string }) =>
    correct.mutate({ kind: analysis.ownerKind, ownerId: analysis.ownerId, ...change }, { onError: (e) => report(e) });
  const found = Object.entries(analysis.emotions).sort((a, b) => b[1] - a[1]);

  const details = (
    <div data-testid="analysis-details" style={{ maxWidth: 340 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('assist.sentimentLabel')}>
          {sentiment ? t(`assist.sentiment.${sentiment}`) : '—'}
          {analysis.sentimentCorrected ? ` (${t('assist.corrected')})` : ` · ${percent(analysis.sentimentConfidence)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('assist.emotionsLabel')}>
          {found.length === 0
            ? t('assist.noEmotion')
            : found.map(([emotion, score]) => (
                <Tag key={emotion}>
                  {t(`assist.emotion.${oneOf(emotion, emotions) ?? 'anger'}`)} {percent(score)}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('assist.intentLabel')}>
          {intentLabel}
          {analysis.intentCorrected ? ` (${t('assist.corrected')})` : ` · ${percent(analysis.intentConfidence)}`}
        </Descriptions.Item>
        {analysis.escalated && (
          <Descriptions.Item label={t('assist.escalatedLabel')}>
            {t(`assist.escalation.${oneOf(analysis.escalationReason, ['strongAnger', 'repeatedAnger', 'repeatedNegative'] as const) ?? 'strongAnger'}`)}
          </Descriptions.Item>
        )}
      </Descriptions>
      {canCorrect && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('assist.correctHint')}</Typography.Text>
          <Select
            aria-label={t('assist.correctSentiment')}
            style={{ width: '100%' }}
            value={sentiment}
            loading={correct.isPending}
            options={sentiments.map((s) => ({ value: s, label: t(`assist.sentiment.${s}`) }))}
            onChange={(value) => send({ sentiment: value })}
          />
          <Select
            aria-label={t('assist.correctIntent')}
            style={{ width: '100%' }}
            value={analysis.intent ?? undefined}
            loading={correct.isPending}
            showSearch
            optionFilterProp="label"
            options={[
              ...(intents.data ?? []).map((i) => ({ value: i.key, label: intentName(i) })),
              { value: outOfScope, label: t('assist.outOfScope') },
            ]}
            onChange={(value) => send({ intent: value })}
          />
        </Space>
      )}
    </div>
  );

  return (
    <Popover content={details} trigger="click" title={t('assist.title')}>
      <Tag
        data-testid="analysis-badge"
        data-sentiment={sentiment}
        color={sentiment ? sentimentColour[sentiment] : undefined}
        icon={analysis.escalated ? <FireOutlined /> : undefined}
        style={{ cursor: 'pointer' }}
      >
        {sentiment ? t(`assist.sentiment.${sentiment}`) : '—'} · {intentLabel}
      </Tag>
    </Popover>
  );
}
