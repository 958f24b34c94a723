import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { isLanguage, languageEndonyms } from '../../../shared/i18n/languages';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { QueryErrorAlert, SectionCard } from '../../../shared/ui';
import { useCustomer, useCustomerTimeline, type RevealField } from '../api/useCustomers';
import { CustomerTimeline } from '../components/CustomerTimeline';
import { PrivacyActions } from '../components/PrivacyActions';
import { ProfileActions } from '../components/ProfileActions';
import { RevealModal, type RevealTarget } from '../components/RevealModal';
import { VipTag } from '../components/VipTag';

/** The 360-degree view: masked profile, service policy and segments on the left, the timeline across channels on the right. */
export function CustomerProfilePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const customer = useCustomer(id);
  const timeline = useCustomerTimeline(id);
  const [target, setTarget] = useState<RevealTarget | null>(null);
  // Revealed values stay in this page's memory only, keyed by field and item.
  const [revealed, setRevealed] = useState<Record<string, string[]>>({});
  const canReveal = hasPermission(me.data, 'customers.reveal');
  const c = customer.data;

  const field = (field: RevealField, masked: string, itemId?: string) => {
    const key = `${field}:${itemId ?? ''}`;
    if (revealed[key]) return <Typography.Text strong>{revealed[key].join(', ')}</Typography.Text>;
    if (!masked) return '—';
    return (
      <Space size={4}>
        <span>{masked}</span>
        {canReveal && (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            aria-label={t('customers.reveal.action', { field: masked })}
            onClick={() => setTarget({ field, itemId, label: masked })}
          >
            {t('customers.reveal.button')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeading
        title={c ? c.name || t('customers.noName') : t('customers.profile')}
        extra={
          <Space wrap>
            {c && <ProfileActions customer={c} />}
            {c && <PrivacyActions customer={c} />}
            <Link to="/customers">{t('customers.backToSearch')}</Link>
          </Space>
        }
      />
      <QueryErrorAlert error={customer.error ?? timeline.error} onRetry={() => void customer.refetch()} />
      {customer.isLoading && <Spin aria-label={t('common.loading')} />}
      {c && c.status !== 'active' && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          message={t(`customers.status.${c.status}`, { defaultValue: c.status })}
          description={c.mergedIntoId && <Link to={`/customers/${c.mergedIntoId}`}>{t('customers.openSurvivor')}</Link>}
        />
      )}
      {c && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <SectionCard title={t('customers.profile')}>
              <Descriptions column={1} size="small" data-testid="customer-profile">
                <Descriptions.Item label={t('customers.name')}>{field('name', c.name)}</Descriptions.Item>
                {c.contacts.map((contact) => (
                  <Descriptions.Item key={contact.id} label={t(`customers.contactKind.${contact.kind}`, { defaultValue: contact.kind })}>
                    {field(contact.kind as RevealField, contact.masked, contact.id)}
                  </Descriptions.Item>
                ))}
                {c.identifiers.map((identifier) => (
                  <Descriptions.Item key={identifier.id} label={t(`customers.identifierKind.${identifier.kind}`, { defaultValue: identifier.kind })}>
                    {field('identifier', identifier.masked, identifier.id)}
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label={t('customers.language')}>{isLanguage(c.language) ? languageEndonyms[c.language] : c.language}</Descriptions.Item>
                <Descriptions.Item label={t('customers.needs')}>
                  {c.needs.length === 0 ? '—' : c.needs.map((n) => <Tag key={n}>{t(`customers.need.${n}`, { defaultValue: n })}</Tag>)}
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.tags')}>{c.tags.length === 0 ? '—' : c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
                {c.hasNotes && <Descriptions.Item label={t('customers.notes')}>{field('notes', '••••••')}</Descriptions.Item>}
                <Descriptions.Item label={t('customers.consents')}>
                  {[c.consentSurveys && t('customers.consentSurveys'), c.consentMarketing && t('customers.consentMarketing')].filter(Boolean).join(', ') || '—'}
                </Descriptions.Item>
              </Descriptions>
            </SectionCard>
            <div style={{ height: 16 }} />
            <SectionCard title={t('customers.segmentation')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('customers.tier')}>
                  <Tag color="blue">{t(`customers.tiers.${c.tier}`, { defaultValue: c.tier })}</Tag> {c.rfm}
                  {c.vip && <VipTag>{t('customers.vipUntil', { date: formatDateTime(c.vipUntil, i18n.language) })}</VipTag>}
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.segments')}>
                  {c.segments.length === 0 ? '—' : c.segments.map((s) => <Tag key={s.code} color="purple">{s.name}</Tag>)}
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.queuePriority')}>
                  {c.policy.queuePriority ? t(`queue.priority.${c.policy.queuePriority}`, { defaultValue: c.policy.queuePriority }) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.visits')}>{t('customers.visitsValue', { count: c.visitsLastYear })}</Descriptions.Item>
                <Descriptions.Item label={t('customers.lastSeen')}>{formatDateTime(c.lastSeenAt, i18n.language) || '—'}</Descriptions.Item>
              </Descriptions>
            </SectionCard>
          </Col>
          <Col xs={24} lg={14}>
            <SectionCard title={t('customers.timeline.title')}>
              {timeline.isLoading ? <Spin aria-label={t('common.loading')} /> : <CustomerTimeline items={timeline.data ?? []} />}
            </SectionCard>
          </Col>
        </Row>
      )}
      <RevealModal
        customerId={id}
        target={target}
        onClose={() => setTarget(null)}
        onRevealed={(done, values) => setRevealed((r) => ({ ...r, [`${done.field}:${done.itemId ?? ''}`]: values }))}
      />
    </>
  );
}
