import { InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../shared/api';
import { languageEndonyms, supportedLanguages } from '../../../shared/i18n/languages';
import { useBranchList } from '../../../shared/session';
import { useProblemReporter } from '../../../shared/ui';
import { useAssignmentStaff, useAutoAssign, useSaveStaffSkills, useSetAutoAssign } from '../api/useAutomation';

type Presence = Schema<'PresenceDto'>;

/** A branch's auto-assignment switch and its staff's skills, capacity, presence and load, edited in place. */
export function AssignmentPanel() {
  const { t } = useTranslation();
  const branches = useBranchList();
  const [chosen, setChosen] = useState<string | undefined>();
  const branch = chosen ?? branches.data?.[0]?.code;
  const staff = useAssignmentStaff(branch);
  const auto = useAutoAssign(branch);
  const setAuto = useSetAutoAssign(branch);
  const save = useSaveStaffSkills();
  const report = useProblemReporter();
  const update = (p: Presence, change: Partial<{ skills: string[]; capacity: number }>) =>
    save.mutate({ userId: p.userId, skills: change.skills ?? p.skills, capacity: change.capacity ?? p.capacity }, { onError: (e) => report(e) });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 220 }}
          aria-label={t('cases.branch')}
          value={branch}
          onChange={setChosen}
          options={(branches.data ?? []).map((b) => ({ value: b.code, label: `${b.code} · ${b.displayName}` }))}
        />
        <Switch
          aria-label={t('automation.assignment.autoAssign')}
          checked={auto.data?.enabled ?? false}
          loading={setAuto.isPending || auto.isLoading}
          onChange={(v) => setAuto.mutate(v, { onError: (e) => report(e) })}
        />
        <Typography.Text>{t('automation.assignment.autoAssign')}</Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary">{t('automation.assignment.intro')}</Typography.Paragraph>
      <Table<Presence>
        rowKey="userId"
        size="middle"
        loading={staff.isLoading}
        dataSource={staff.data}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { key: 'name', title: t('automation.commitments.responsible'), width: 160, render: (_, p) => p.displayName },
          {
            key: 'presence', title: t('automation.assignment.presence'), width: 110,
            render: (_, p) => <Tag color={p.isAvailable ? '#237804' : undefined}>{p.isAvailable ? t('automation.presence.available') : t('automation.presence.away')}</Tag>,
          },
          {
            key: 'skills', title: t('automation.assignment.skills'),
            render: (_, p) => (
              <Select
                mode="tags"
                style={{ width: '100%' }}
                aria-label={`${t('automation.assignment.skills')} · ${p.displayName}`}
                value={p.skills}
                options={supportedLanguages.map((l) => ({ value: l, label: languageEndonyms[l] }))}
                onChange={(skills: string[]) => update(p, { skills })}
              />
            ),
          },
          {
            key: 'capacity', title: t('automation.assignment.capacity'), width: 120,
            render: (_, p) => (
              <InputNumber
                min={0}
                max={500}
                aria-label={`${t('automation.assignment.capacity')} · ${p.displayName}`}
                defaultValue={p.capacity}
                onBlur={(e) => {
                  const capacity = Number(e.target.value);
                  if (Number.isInteger(capacity) && capacity !== p.capacity) update(p, { capacity });
                }}
              />
            ),
          },
          { key: 'load', title: t('automation.assignment.load'), width: 110, render: (_, p) => `${p.load} / ${p.capacity}` },
        ]}
      />
    </>
  );
}
