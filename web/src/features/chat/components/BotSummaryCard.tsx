import { Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChatBotSummary } from '../api/useChats';
import { handOverReason } from './chatLabels';

const percent = (share: number | null | undefined) => (share == null ? '—' : `${Math.round(share * 100)}%`);

/** Supervisors' view of the self-service bot: how many chats it finished alone and why it handed the others over. */
export function BotSummaryCard({ branch }: { branch: string | undefined }) {
  const { t } = useTranslation();
  const summary = useChatBotSummary(branch, true);
  const s = summary.data;
  if (!s) return null;
  const tr = t as unknown as (key: string, options?: { defaultValue: string }) => string;
  return (
    <Card size="small" title={t('chat.botCard.title')} style={{ marginBottom: 12 }} data-testid="bot-summary">
      {s.conversations === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chat.botCard.none')} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={8}><Statistic title={t('chat.botCard.conversations')} value={s.conversations} /></Col>
            <Col span={8}><Statistic title={t('chat.botCard.containment')} value={percent(s.containmentRate)} /></Col>
            <Col span={8}><Statistic title={t('chat.botCard.handOverRate')} value={percent(s.handOverRate)} /></Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>
            {t('chat.botCard.contained')}: {s.contained} · {t('chat.botCard.handedOver')}: {s.handedOver} · {t('chat.botCard.withBot')}: {s.withBot}
          </Typography.Paragraph>
          {s.reasons.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('chat.botCard.reasons')}: </Typography.Text>
              {s.reasons.map((r) => (
                <Tag key={r.reason} style={{ marginBlock: 2 }}>
                  {handOverReason(tr, r.reason)} · {r.count}
                </Tag>
              ))}
            </div>
          )}
        </>
      )}
    </Card>
  );
}
