import { BankOutlined, DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Menu, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemReporter } from '../../shared/ui';
import { useCaseViews, useDeleteCaseView } from './api';
import { SaveViewModal } from './SaveViewModal';

interface Props {
  selected?: string;
  onSelect: (key: string | undefined) => void;
}

/** The case list's side bar: built-in, branch, team and private views with their counts, and "save a view". */
export function CaseViewsSider({ selected, onSelect }: Props) {
  const { t } = useTranslation();
  const views = useCaseViews();
  const remove = useDeleteCaseView();
  const report = useProblemReporter();
  const [saving, setSaving] = useState(false);

  return (
    <Card size="small" title={t('workspace.views.title')} data-testid="case-views">
      <Menu
        mode="inline"
        style={{ borderInlineEnd: 'none' }}
        selectedKeys={[selected ?? 'all']}
        onClick={({ key }) => onSelect(key === 'all' ? undefined : key)}
        items={[
          { key: 'all', label: t('workspace.views.all') },
          ...(views.data ?? []).map((v) => ({
            key: v.key,
            label: (
              <Flex justify="space-between" align="center" gap={4}>
                <Typography.Text ellipsis style={{ maxWidth: 150 }}>
                  {v.scope === 'branch' && <BankOutlined style={{ marginInlineEnd: 4 }} aria-label={t('workspace.views.shared')} />}
                  {v.scope === 'team' && (
                    <TeamOutlined style={{ marginInlineEnd: 4 }} aria-label={t('workspace.views.sharedWithTeam', { team: v.teamName ?? '' })} />
                  )}
                  {v.name}
                </Typography.Text>
                <span>
                  <Badge count={v.count} showZero overflowCount={9999} color={v.key === 'breachingSoon' && v.count > 0 ? 'red' : 'blue'} />
                  {v.editable && v.id && (
                    <Popconfirm title={t('workspace.views.deleteConfirm')} onConfirm={() => remove.mutate(v.id!, { onError: (e) => report(e) })}>
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={(e) => e.stopPropagation()}
                      />
                    </Popconfirm>
                  )}
                </span>
              </Flex>
            ),
          })),
        ]}
      />
      <Button block icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setSaving(true)}>
        {t('workspace.views.save')}
      </Button>
      <SaveViewModal open={saving} onClose={() => setSaving(false)} onSaved={(key) => onSelect(key)} />
    </Card>
  );
}
