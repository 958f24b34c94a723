import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, List, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { supportedLanguages } from '../../../shared/i18n/languages';
import { PageHeading } from '../../../shared/layout';
import { hasPermission, useMe } from '../../../shared/session';
import { QueryErrorAlert } from '../../../shared/ui';
import { articleStates, useArticles, useKnowledgeCategories, useStaffArticleSearch, type ArticleListItem } from '../api/useKnowledge';
import { ArticleStateTag } from '../components/ArticleStateTag';
import { HelpfulCounts } from '../components/HelpfulCounts';
import { languageName } from '../components/languageName';
import { SnippetText } from '../components/SnippetText';

/** The knowledge base for staff: every article they may read, filtered, with the ones due for review a click away. */
export function KnowledgePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [offset, setOffset] = useState(0);
  const filters = {
    state: params.get('state') ?? undefined,
    language: params.get('language') ?? undefined,
    category: params.get('category') ?? undefined,
    due: params.get('due') === 'true' || undefined,
    offset,
  };
  const q = params.get('q') ?? '';
  const articles = useArticles(filters);
  const categories = useKnowledgeCategories(filters.language);
  const search = useStaffArticleSearch(q, i18n.language);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setOffset(0);
    setParams(next);
  };

  return (
    <>
      <PageHeading
        title={t('knowledge.title')}
        extra={
          hasPermission(me.data, 'knowledge.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/knowledge/new')}>
              {t('knowledge.newArticle')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('knowledge.searchPlaceholder')}
            aria-label={t('knowledge.searchPlaceholder')}
            style={{ maxWidth: 320 }}
            onSearch={(value) => set('q', value.trim() || undefined)}
          />
          <Segmented
            value={filters.due ? 'due' : 'all'}
            options={[
              { value: 'all', label: t('knowledge.allArticles') },
              { value: 'due', label: t('knowledge.dueForReview') },
            ]}
            onChange={(v) => set('due', v === 'due' ? 'true' : undefined)}
            data-testid="due-filter"
          />
          <Select
            allowClear
            placeholder={t('knowledge.state')}
            aria-label={t('knowledge.state')}
            style={{ minWidth: 140 }}
            value={filters.state}
            onChange={(v?: string) => set('state', v)}
            options={articleStates.map((s) => ({ value: s, label: t(`knowledge.states.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('knowledge.language')}
            aria-label={t('knowledge.language')}
            style={{ minWidth: 140 }}
            value={filters.language}
            onChange={(v?: string) => set('language', v)}
            options={supportedLanguages.map((l) => ({ value: l, label: languageName(l) }))}
          />
          <Select
            allowClear
            showSearch
            placeholder={t('knowledge.category')}
            aria-label={t('knowledge.category')}
            style={{ minWidth: 180 }}
            value={filters.category}
            onChange={(v?: string) => set('category', v)}
            options={[...new Set((categories.data ?? []).map((c) => c.name))].map((c) => ({ value: c, label: c }))}
          />
        </Flex>
      </Card>
      {q && (
        <Card title={t('knowledge.resultsFor', { q })} style={{ marginBottom: 16 }} data-testid="knowledge-results">
          <List
            loading={search.isLoading}
            dataSource={search.data?.items ?? []}
            locale={{ emptyText: t('knowledge.noResults') }}
            renderItem={(hit) => (
              <List.Item extra={<ArticleStateTag state={hit.state} />}>
                <List.Item.Meta
                  title={
                    <Link to={`/knowledge/${hit.id}`}>
                      <SnippetText parts={hit.title} />
                    </Link>
                  }
                  description={<SnippetText parts={hit.snippet} />}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <QueryErrorAlert error={articles.error} />
      <Table<ArticleListItem>
        rowKey="id"
        loading={articles.isLoading}
        dataSource={articles.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          pageSize: 50,
          total: articles.data?.total ?? 0,
          current: offset / 50 + 1,
          onChange: (page) => setOffset((page - 1) * 50),
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('knowledge.articleTitle'),
            dataIndex: 'title',
            render: (_: unknown, a) => (
              <Space direction="vertical" size={0}>
                <Link to={`/knowledge/${a.id}`} lang={a.language}>
                  {a.title}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[a.category, ...a.tags.map((tag) => `#${tag}`)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('knowledge.language'), dataIndex: 'language', render: (l: string) => languageName(l), width: 120 },
          { title: t('knowledge.state'), dataIndex: 'state', render: (s: string) => <ArticleStateTag state={s} />, width: 110 },
          { title: t('knowledge.owner'), dataIndex: 'ownerName', width: 130 },
          {
            title: t('knowledge.reviewBy'),
            dataIndex: 'reviewBy',
            width: 140,
            render: (d: string | null, a) => (d ? <Tag color={a.dueForReview ? 'red' : undefined}>{d}</Tag> : '—'),
          },
          {
            title: t('knowledge.helpful'),
            width: 110,
            render: (_: unknown, a) => <HelpfulCounts yes={a.helpfulYes} no={a.helpfulNo} />,
          },
          { title: t('knowledge.updated'), dataIndex: 'updatedAt', width: 170, render: (d: string) => formatDateTime(d, i18n.language) },
        ]}
      />
    </>
  );
}
