import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './events';
import { useRealtimeState } from './useRealtimeEvent';

const badgeStatus: Record<ConnectionState, 'success' | 'processing' | 'warning' | 'error'> = {
  connected: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  disconnected: 'error',
};

/** Tells staff whether what they see updates by itself. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const state = useRealtimeState();
  return (
    <Tooltip title={t(`realtime.hint.${state}`)}>
      <span role="status" data-testid="realtime-status" tabIndex={0}>
        <Badge status={badgeStatus[state]} text={t(`realtime.state.${state}`)} />
      </span>
    </Tooltip>
  );
}
