import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf, queryKeys } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n/format';
import { useRealtimeEvent } from '../../../shared/realtime';
import { QueryErrorAlert, RowActions, StatusDot, useProblemReporter } from '../../../shared/ui';
import { deviceStatuses, useDevices, useRenewPairingCode, useRevokeDevice, type Device } from '../api/useDevices';
import { AddDeviceModal } from './AddDeviceModal';
import { PairingCodeModal } from './PairingCodeModal';
import { useDeviceLabels } from './useDeviceLabels';

const statusTone = { pending: 'processing', paired: 'success', revoked: 'default' } as const;

/** The kiosks, lobby displays, counter screens and evaluation pads of one branch. */
export function BranchDevicesPanel({ branchCode }: { branchCode: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useDevices(branchCode);
  const revoke = useRevokeDevice(branchCode);
  const renewCode = useRenewPairingCode(branchCode);
  const reportProblem = useProblemReporter();
  const { kindLabel, statusLabel } = useDeviceLabels();
  const [adding, setAdding] = useState(false);
  const [showingCode, setShowingCode] = useState<Device>();

  // A device pairing or checking in elsewhere changes its status here. Events carry the code in upper case.
  useRealtimeEvent(
    (event) => event.type === 'device.changed' && (!event.branchCode || event.branchCode.toUpperCase() === branchCode.toUpperCase()),
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.devices(branchCode) }),
  );

  const when = (value?: string | null) => formatDateTime(value, i18n.language);
  const renew = (device: Device) => renewCode.mutateAsync(device.id).then(setShowingCode, reportProblem);

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('devices.add')}
        </Button>
      </Flex>
      <QueryErrorAlert error={devices.error} onRetry={() => void devices.refetch()} />
      <Table<Device>
        rowKey="id"
        size="middle"
        loading={devices.isLoading}
        dataSource={devices.data}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'name', title: t('devices.name'), dataIndex: 'name' },
          { key: 'kind', title: t('devices.kindLabel'), width: 140, render: (_, device) => kindLabel(device.kind) },
          { key: 'counter', title: t('devices.counter'), dataIndex: 'counterNumber', width: 90 },
          {
            key: 'status',
            title: t('devices.status'),
            width: 130,
            render: (_, device) => {
              const status = oneOf(device.status, deviceStatuses);
              return <StatusDot tone={status ? statusTone[status] : 'default'} label={statusLabel(device.status)} />;
            },
          },
          {
            key: 'pairing',
            title: t('devices.pairingCode'),
            render: (_, device) =>
              device.pairingCode && (
                <span>
                  <Typography.Text code strong>
                    {device.pairingCode}
                  </Typography.Text>{' '}
                  {t('devices.until', { time: when(device.pairingExpiresAt) })}
                </span>
              ),
          },
          { key: 'pairedAt', title: t('devices.pairedAt'), render: (_, device) => when(device.pairedAt) },
          { key: 'lastSeenAt', title: t('devices.lastSeenAt'), render: (_, device) => when(device.lastSeenAt) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, device) => (
              <Space>
                <Popconfirm
                  title={t('devices.renewConfirm', { name: device.name })}
                  okText={t('devices.renew')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => renew(device)}
                >
                  <Button size="small" aria-label={t('common.actionNamed', { action: t('devices.renew'), name: device.name })}>
                    {t('devices.renew')}
                  </Button>
                </Popconfirm>
                {device.status !== 'revoked' && (
                  <RowActions
                    name={device.name}
                    onRemove={() => revoke.mutateAsync(device.id).catch(reportProblem)}
                    removeConfirm={t('devices.revokeConfirm', { name: device.name })}
                    removeText={t('devices.revoke')}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      <AddDeviceModal
        branchCode={branchCode}
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(device) => {
          setAdding(false);
          setShowingCode(device);
        }}
      />
      <PairingCodeModal device={showingCode} onClose={() => setShowingCode(undefined)} />
    </>
  );
}
