import { App, Space, Switch, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRealtimeEvent } from '../realtime';
import { hasPermission, useMe } from '../session';
import { usePresence, useSetPresence } from './usePresence';

interface Alert {
  caseId?: string;
  id?: string;
  reference?: string;
  promise?: string;
  dueLocal?: string;
  rule?: string;
  message?: string | null;
}

/**
 * In the header for case workers: available or away for auto-assignment, and the pop-up notices of commitments due,
 * missed commitments and rule alerts (the server sends each only to those it concerns).
 */
export function PresenceSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const canWork = hasPermission(me.data, 'cases.write');
  const presence = usePresence(canWork);
  const setPresence = useSetPresence();
  const { notification } = App.useApp();
  const navigate = useNavigate();

  useRealtimeEvent(
    (event) => canWork && ['commitment.reminder', 'commitment.missed', 'case.ruleAlert'].includes(event.type),
    (event) => {
      const d = event.data as Alert;
      const caseId = d.caseId ?? d.id;
      const key = event.type === 'commitment.reminder' ? 'reminder' : event.type === 'commitment.missed' ? 'missed' : 'ruleAlert';
      notification[key === 'reminder' ? 'info' : 'warning']({
        message: t(`automation.notices.${key}`, { reference: d.reference ?? '', rule: d.rule ?? '' }),
        description: d.promise ? `${d.promise} · ${d.dueLocal ?? ''}` : (d.message ?? undefined),
        onClick: () => caseId && void navigate(`/cases/${caseId}`),
        duration: 0,
      });
    },
  );

  if (!canWork || !presence.data) return null;
  const available = presence.data.isAvailable;
  return (
    <Tooltip title={t('automation.presence.hint')}>
      <Space size={6}>
        <Switch
          data-testid="presence-switch"
          size="small"
          aria-label={t('automation.presence.label')}
          checked={available}
          loading={setPresence.isPending}
          onChange={(v) => setPresence.mutate(v)}
        />
        <span>{available ? t('automation.presence.available') : t('automation.presence.away')}</span>
      </Space>
    </Tooltip>
  );
}
