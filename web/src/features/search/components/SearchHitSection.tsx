import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { QueryErrorAlert } from '../../../shared/ui';
import { useSearch, type SearchHit, type SearchKind } from '../api/useSearch';
import { Highlighted } from './Highlighted';

const linkOf: Record<SearchKind, (hit: SearchHit) => string> = {
  case: (hit) => `/cases/${hit.id}`,
  // Encounters have no page of their own: the log lists them.
  encounter: () => '/encounters',
  customer: (hit) => `/customers/${hit.id}`,
  article: (hit) => `/knowledge/${hit.id}`,
};

/** The hits of one kind, best first, with the words that matched marked. */
export function SearchHitSection({ q, kind }: { q: string; kind: SearchKind }) {
  const { t, i18n } = useTranslation();
  const search = useSearch(q, kind, true);
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];
  const count = search.data?.pages[0]?.counts[kind] ?? 0;
  const capped = search.data?.pages[0]?.capped ?? false;

  const titleOf = (hit: SearchHit) => {
    if (kind === 'encounter') return t(`cases.channels.${hit.label ?? 'phone'}`, { defaultValue: hit.label ?? '' });
    return <Highlighted parts={hit.title} />;
  };

  return (
    <Card
      title={
        <Space>
          {t(`search.kinds.${kind}`)}
          <Tag>{capped ? t('search.countCapped', { count }) : count}</Tag>
        </Space>
      }
      aria-label={t(`search.kinds.${kind}`)}
    >
      {search.error ? (
        <QueryErrorAlert error={search.error} />
      ) : (
        <List
          loading={search.isLoading}
          dataSource={hits}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.noHits')} /> }}
          renderItem={(hit) => (
            <List.Item key={hit.id}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={linkOf[kind](hit)}>{titleOf(hit)}</Link>
                    {kind === 'case' && hit.label && <Typography.Text type="secondary">{hit.label}</Typography.Text>}
                    {hit.branchCode && <Tag>{hit.branchCode}</Tag>}
                    <Typography.Text type="secondary">{formatDateTime(hit.at, i18n.language)}</Typography.Text>
                  </Space>
                }
                description={hit.snippet.length > 0 ? <Highlighted parts={hit.snippet} /> : null}
              />
            </List.Item>
          )}
        />
      )}
      {search.hasNextPage && (
        <Button onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
          {t('search.more')}
        </Button>
      )}
    </Card>
  );
}
