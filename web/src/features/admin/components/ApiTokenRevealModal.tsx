import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../api/useApiTokens';

/** The server keeps only a hash of the token, so this is the one time anyone can see it. */
export function ApiTokenRevealModal({ token, onClose }: { token?: CreatedApiToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!token}
      title={t('apiTokens.revealTitle', { name: token?.name })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiTokens.revealDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('apiTokens.revealWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: token?.token, tooltips: [t('common.copy'), t('common.copied')] }}
        data-testid="api-token-value"
        style={{ wordBreak: 'break-all', fontSize: 15 }}
      >
        {token?.token}
      </Typography.Paragraph>
    </Modal>
  );
}
