import { Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Article } from '../api/useKnowledge';
import { ArticleStateTag } from './ArticleStateTag';
import { languageName } from './languageName';

/** The same article in the other languages, and the languages it still lacks (one click starts that translation). */
export function TranslationsPanel({ article }: { article: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      data-testid="translations-panel"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('knowledge.translations')}
        </Typography.Title>
      }
    >
      <List
        size="small"
        dataSource={article.translations}
        locale={{ emptyText: t('knowledge.noTranslations') }}
        renderItem={(tr) => (
          <List.Item extra={<ArticleStateTag state={tr.state} />}>
            <Space direction="vertical" size={0}>
              <Typography.Text type="secondary">{languageName(tr.language)}</Typography.Text>
              <Link to={`/knowledge/${tr.id}`} lang={tr.language}>
                {tr.title}
              </Link>
            </Space>
          </List.Item>
        )}
      />
      {article.missingLanguages.length > 0 && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('knowledge.missingLanguages')}</Typography.Text>
          <Space wrap>
            {article.missingLanguages.map((l) => (
              <Button
                key={l}
                size="small"
                disabled={!article.canEdit}
                onClick={() => void navigate(`/knowledge/new?translationOf=${article.id}&language=${l}`)}
                data-testid={`translate-${l}`}
              >
                {t('knowledge.translateInto', { language: languageName(l) })}
              </Button>
            ))}
          </Space>
        </Space>
      )}
    </Card>
  );
}
