import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLocalizedText } from '../../../shared/api';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { QueryErrorAlert, RowActions, useProblemReporter } from '../../../shared/ui';
import { useDeleteService, useServices, type Service } from '../api/useServices';
import { ServiceFormModal } from './ServiceFormModal';

/** The services (business types) a branch offers; each issues tickets under its own prefix letter. */
export function ServicesPanel({ branchCode }: { branchCode: string }) {
  const { t } = useTranslation();
  const services = useServices(branchCode);
  const deleteService = useDeleteService(branchCode);
  const reportProblem = useProblemReporter();
  const [editing, setEditing] = useState<Service | null>();

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('services.create')}
        </Button>
      </Flex>
      <QueryErrorAlert error={services.error} onRetry={() => void services.refetch()} />
      <Table<Service>
        rowKey="code"
        size="middle"
        loading={services.isLoading}
        dataSource={services.data}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { key: 'code', title: t('services.code'), dataIndex: 'code' },
          { key: 'prefix', title: t('services.prefix'), dataIndex: 'prefix' },
          ...supportedLanguages.map((language) => ({
            key: `name-${language}`,
            title: languageEndonyms[language],
            render: (_: unknown, service: Service) => <span lang={language}>{asLocalizedText(service.name)[language]}</span>,
          })),
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, service) => (
              <RowActions
                name={service.displayName}
                onEdit={() => setEditing(service)}
                onRemove={() => deleteService.mutateAsync(service.code).catch(reportProblem)}
                removeConfirm={t('services.deleteConfirm', { name: service.displayName })}
              />
            ),
          },
        ]}
      />
      <ServiceFormModal branchCode={branchCode} open={editing !== undefined} service={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </>
  );
}
