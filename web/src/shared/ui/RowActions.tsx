import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the row is called; makes each button's accessible name unique ("Edit Shanghai Branch"). */
  name: string;
  onEdit?: () => void;
  onRemove?: () => Promise<unknown>;
  /** The question asked before removing. */
  removeConfirm?: string;
  /** "Delete" unless the action is something else, such as "Revoke". */
  removeText?: string;
}

/** Edit and delete (or revoke) buttons for a table row; removal always asks first. */
export function RowActions({ name, onEdit, onRemove, removeConfirm, removeText }: Props) {
  const { t } = useTranslation();
  const removeLabel = removeText ?? t('common.delete');
  return (
    <Space>
      {onEdit && (
        <Button size="small" onClick={onEdit} aria-label={t('common.actionNamed', { action: t('common.edit'), name })}>
          {t('common.edit')}
        </Button>
      )}
      {onRemove && (
        <Popconfirm
          title={removeConfirm}
          okText={removeLabel}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={onRemove}
        >
          <Button size="small" danger aria-label={t('common.actionNamed', { action: removeLabel, name })}>
            {removeLabel}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
