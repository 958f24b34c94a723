import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import type { Device } from '../api/useDevices';

/** The code someone types on the new device, large enough to read from across a counter. */
export function PairingCodeModal({ device, onClose }: { device?: Device; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={!!device?.pairingCode}
      title={t('devices.pairingTitle', { name: device?.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.done')}
        </Button>
      }
    >
      <div style={{ textAlign: 'center' }}>
        <Typography.Paragraph>{t('devices.pairingInstructions')}</Typography.Paragraph>
        <p className="tp-pairing-code" data-testid="pairing-code">
          {device?.pairingCode}
        </p>
        {device?.pairingExpiresAt && (
          <Typography.Paragraph type="secondary">
            {t('devices.pairingExpires', { time: formatDateTime(device.pairingExpiresAt, i18n.language) })}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}
