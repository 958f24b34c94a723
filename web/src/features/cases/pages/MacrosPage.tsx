import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { QueryErrorAlert } from '../../../shared/ui';
import { useMacros, type Macro } from '../api/useMacros';
import { MacroFormModal } from '../components/MacroFormModal';

/** The reply templates staff insert into case replies; case managers keep them up to date. */
export function MacrosPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canManage = hasPermission(me.data, 'cases.manage');
  const macros = useMacros(canManage);
  const [editing, setEditing] = useState<Macro | null | undefined>(undefined);

  return (
    <>
      <PageHeading
        title={t('macros.pageTitle')}
        extra={
          <Space>
            <Link to="/cases">{t('macros.backToCases')}</Link>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('macros.create')}
              </Button>
            )}
          </Space>
        }
      />
      <QueryErrorAlert error={macros.error} onRetry={() => void macros.refetch()} />
      <Table<Macro>
        rowKey="id"
        size="middle"
        loading={macros.isLoading}
        dataSource={macros.data}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { key: 'title', title: t('macros.title'), width: 200, render: (_, m) => <b>{m.displayTitle}</b> },
          {
            key: 'body',
            title: t('macros.body'),
            render: (_, m) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {(m.body as Record<string, string>)[i18n.language] ?? Object.values(m.body)[0]}
              </Typography.Paragraph>
            ),
          },
          { key: 'category', title: t('macros.categoryLabel'), width: 130, render: (_, m) => (m.category ? t(`macros.category.${m.category}`, { defaultValue: m.category }) : '—') },
          { key: 'branch', title: t('cases.branch'), width: 110, render: (_, m) => m.branch ?? t('macros.allBranches') },
          { key: 'active', title: t('macros.active'), width: 90, render: (_, m) => (m.isActive ? <Tag color="green">✓</Tag> : <Tag>—</Tag>) },
          ...(canManage ? [{ key: 'edit', title: t('common.actions'), width: 90, render: (_: unknown, m: Macro) => <Button size="small" onClick={() => setEditing(m)}>{t('common.edit')}</Button> }] : []),
        ]}
      />
      <MacroFormModal macro={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
