import { Col, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { SearchHitSection } from '../components/SearchHitSection';
import type { SearchKind } from '../api/useSearch';

/** Cases, encounters, customers and knowledge articles found by any words, in Chinese, Korean or English, grouped by kind. */
export function SearchPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kinds: SearchKind[] = [
    ...(hasPermission(me, 'cases.read') ? (['case', 'encounter'] as const) : []),
    ...(hasPermission(me, 'knowledge.read') ? (['article'] as const) : []),
    ...(hasPermission(me, 'customers.read') ? (['customer'] as const) : []),
  ];

  return (
    <>
      <PageHeading title={t('search.title')} />
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton
        size="large"
        maxLength={200}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ marginBottom: 16 }}
      />
      {q ? (
        <Row gutter={[16, 16]}>
          {kinds.map((kind) => (
            <Col key={kind} xs={24} xl={12}>
              <SearchHitSection q={q} kind={kind} />
            </Col>
          ))}
        </Row>
      ) : (
        <Typography.Paragraph type="secondary">{t('search.hint')}</Typography.Paragraph>
      )}
    </>
  );
}
