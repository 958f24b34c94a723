import { ExclamationCircleOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { teamNameWarning } from './teamNames';
import { useTeamNames } from './useTeams';

// Ant Design's warning yellows (#faad14, and #ad6800 for text) fall below 4.5:1 on white; this amber passes.
const warningText = '#874d00';

type Props = {
  value?: string | null;
  onChange?: (value: string) => void;
  id?: string;
  /** The branch the rule applies to; none means every branch the signed-in person reaches. */
  branchCode?: string;
  /** Of the field and its warning, which wraps within it. */
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-required'?: boolean | 'true' | 'false';
};

/**
 * A team named by its name, as case rules and intent routes name one (so one rule serves every branch's team of that
 * name): picked from the names of active teams, or typed freely. A name no team carries (yet) is allowed, with a
 * warning under the field.
 */
export function TeamNameInput({ value, onChange, id, branchCode, style, 'aria-label': ariaLabel, 'aria-required': _ariaRequired }: Props) {
  const { t } = useTranslation();
  const names = useTeamNames(branchCode);
  const missing = teamNameWarning(value, names.data);
  return (
    <div style={style}>
      <AutoComplete
        id={id}
        aria-label={ariaLabel}
        style={{ width: '100%' }}
        value={value ?? undefined}
        onChange={onChange}
        allowClear
        maxLength={64}
        placeholder={t('teams.names.placeholder')}
        filterOption={(input, option) => (option?.value ?? '').toUpperCase().includes(input.trim().toUpperCase())}
        options={(names.data ?? []).map((n) => ({
          value: n.name,
          label: (
            <Flex justify="space-between" gap={12}>
              <span>{n.name}</span>
              {!branchCode && <Typography.Text type="secondary">{n.branches.join(', ')}</Typography.Text>}
            </Flex>
          ),
        }))}
      />
      {missing && (
        <div role="status" data-testid="team-name-warning" style={{ color: warningText, marginTop: 4, lineHeight: 1.5 }}>
          <ExclamationCircleOutlined />{' '}
          {branchCode
            ? t('teams.names.notInBranch', { name: value?.trim(), branch: branchCode })
            : t('teams.names.notAnywhere', { name: value?.trim() })}
        </div>
      )}
    </div>
  );
}
