import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../../shared/api';
import { StatusDot } from '../../../shared/ui';
import { counterStates, pauseReasons, type BoardCounter, type PauseReason } from '../api/queueTypes';

const tone = { open: 'success', paused: 'warning', closed: 'default' } as const;

interface Props {
  counter: Pick<BoardCounter, 'state' | 'pauseReason'> | undefined;
  busy: boolean;
  onOpen: () => void;
  onPause: (reason: PauseReason) => void;
  onClose: () => void;
}

/** Open, pause with a reason, or close the counter; its present state is shown beside the buttons. */
export function CounterStateControl({ counter, busy, onOpen, onPause, onClose }: Props) {
  const { t } = useTranslation();
  const state = oneOf(counter?.state, counterStates);
  const reason = oneOf(counter?.pauseReason, pauseReasons);
  const label = state ? t(`counters.states.${state}`) : (counter?.state ?? '');
  return (
    <Space wrap>
      <span data-testid="counter-state">
        <StatusDot tone={state ? tone[state] : 'default'} label={reason ? `${label} · ${t(`queue.pauseReason.${reason}`)}` : label} />
      </span>
      <Button onClick={onOpen} disabled={busy || state === 'open'}>
        {t('queueCounter.open')}
      </Button>
      <Dropdown
        trigger={['click']}
        disabled={busy || state === 'closed'}
        menu={{
          items: pauseReasons.map((value) => ({ key: value, label: t(`queue.pauseReason.${value}`) })),
          onClick: ({ key }) => onPause(key as PauseReason),
        }}
      >
        <Button aria-haspopup="menu">
          {t('queueCounter.pause')} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      <Button onClick={onClose} disabled={busy || state === 'closed'}>
        {t('queueCounter.close')}
      </Button>
    </Space>
  );
}
