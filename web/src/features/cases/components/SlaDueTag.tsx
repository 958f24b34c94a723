import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { slaColour, slaState } from './caseLabels';

/** The SLA due time coloured by urgency, with the target's name (first response, resolution...). */
export function SlaDueTag({ dueAt, target, breached }: { dueAt: string | null; target: string | null; breached: boolean }) {
  const { t, i18n } = useTranslation();
  const state = slaState(dueAt, breached);
  if (state === 'none') return <Tag>{t('cases.sla.none')}</Tag>;
  if (!dueAt) return <Tag color={slaColour.breached}>{t('cases.sla.missed')}</Tag>;
  const targetName = target ? t(`cases.sla.target.${target as 'firstResponse' | 'nextResponse' | 'resolution'}`) : '';
  return (
    <Tag color={slaColour[state]} data-sla={state}>
      {state === 'breached' ? t('cases.sla.breached') : ''} {targetName} {formatDateTime(dueAt, i18n.language)}
    </Tag>
  );
}
