import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FeedbackMeasures } from '../api/useFeedback';

export const percent = (share: number | null | undefined) => (share == null ? '–' : `${(share * 100).toFixed(1)}%`);

/** 满意度得分, 忠诚度指数 and the rest, as the headline numbers of the period. */
export function MeasureCards({ total }: { total: FeedbackMeasures }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'csat', title: t('feedback.csat'), value: percent(total.csat.satisfiedShare), note: t('feedback.answers', { count: total.csat.answers }) },
    { key: 'nps', title: t('feedback.nps'), value: total.nps.score == null ? '–' : total.nps.score.toFixed(1),
      note: t('feedback.npsSplit', { promoters: total.nps.promoters, passives: total.nps.passives, detractors: total.nps.detractors }) },
    { key: 'effort', title: t('feedback.effort'), value: total.effort.average == null ? '–' : `${total.effort.average.toFixed(2)} / 5`,
      note: t('feedback.easyShare', { share: percent(total.effort.easyShare) }) },
    { key: 'response', title: t('feedback.responseRate'), value: percent(total.responseRate), note: t('feedback.invited', { responded: total.responded, count: total.invitations }) },
    { key: 'unrated', title: t('feedback.unratedShare'), value: percent(total.unratedShare), note: t('feedback.padPrompts', { unrated: total.unrated, count: total.prompted }) },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4} flex="auto">
          <Card size="small" data-testid={`measure-${c.key}`}>
            <Statistic title={c.title} value={c.value} />
            <div style={{ color: '#51606f', fontSize: 13 }}>{c.note}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
