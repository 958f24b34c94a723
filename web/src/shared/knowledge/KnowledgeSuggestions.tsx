import { BookOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api';
import { helpArticlePath } from './helpPaths';
import { fillPlaceholders, type MacroContext } from './macroText';

interface Props {
  caseId?: string;
  chatId?: string;
  /** Puts the text into the reply box. */
  onInsert: (text: string) => void;
  /** Values for a macro's {{placeholders}} (customer.name, case.reference ...). */
  placeholders?: Partial<MacroContext>;
}

/**
 * Articles and reply templates for what the customer last said, in the case's or chat's language; one click puts an
 * article's summary and public link (internal articles: the summary only) or a template's text into the reply box.
 */
export function KnowledgeSuggestions({ caseId, chatId, onInsert, placeholders = {} }: Props) {
  const { t } = useTranslation();
  const suggestions = useQuery({
    queryKey: ['knowledge', 'suggestions', caseId ?? '', chatId ?? ''],
    queryFn: () => unwrap(api.GET('/api/knowledge/suggestions', { params: { query: { caseId, chatId } } })),
    staleTime: 30_000,
  });
  const data = suggestions.data;
  const empty = data && data.articles.length === 0 && data.macros.length === 0;

  return (
    <Card
      size="small"
      data-testid="knowledge-suggestions"
      title={
        <Space>
          <BookOutlined aria-hidden />
          {t('knowledge.suggestions.title')}
        </Space>
      }
      extra={
        <Tooltip title={t('knowledge.suggestions.refresh')}>
          <Button size="small" type="text" icon={<ReloadOutlined />} aria-label={t('knowledge.suggestions.refresh')} onClick={() => void suggestions.refetch()} />
        </Tooltip>
      }
      loading={suggestions.isLoading}
    >
      {empty || suggestions.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.suggestions.none')} />
      ) : (
        <List
          size="small"
          dataSource={[
            ...(data?.articles ?? []).map((a) => ({
              key: a.id,
              kind: 'article' as const,
              title: a.title.map((p) => p.text).join(''),
              internal: a.state === 'internal',
              text:
                a.state === 'internal'
                  ? a.summary
                  : `${a.summary}\n${window.location.origin}${helpArticlePath(a.id, a.branch)}`,
            })),
            ...(data?.macros ?? []).map((m) => ({ key: m.id, kind: 'macro' as const, title: m.title, internal: false, text: fillPlaceholders(m.body, placeholders) })),
          ]}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button key="insert" size="small" onClick={() => onInsert(item.text)} data-testid="insert-suggestion">
                  {t('knowledge.suggestions.insert')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Tag color={item.kind === 'article' ? 'blue' : 'purple'}>{t(`knowledge.suggestions.${item.kind}`)}</Tag>
                  {item.internal && <Tag>{t('knowledge.states.internal')}</Tag>}
                </Space>
                <Typography.Text ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
