import { Button, Card, Checkbox, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';
import { useProblemReporter } from '../../../shared/ui';
import { useArticleDiff, useArticleVersions, useRestoreVersion, type Article } from '../api/useKnowledge';
import { ArticleStateTag } from './ArticleStateTag';
import { DiffView } from './DiffView';

/** Every saved version, newest first: tick two to compare them, restore an old one as a new version. */
export function ArticleHistory({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const versions = useArticleVersions(article.id);
  const [picked, setPicked] = useState<number[]>([]);
  const [comparing, setComparing] = useState(false);
  const [from, to] = [...picked].sort((a, b) => a - b);
  const diff = useArticleDiff(article.id, comparing ? from : undefined, comparing ? to : undefined);
  const restore = useRestoreVersion(article.id);
  const report = useProblemReporter();
  const toggle = (n: number, on: boolean) => setPicked((p) => (on ? [...p.filter((x) => x !== n), n].slice(-2) : p.filter((x) => x !== n)));

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('knowledge.history')}
        </Typography.Title>
      }
      extra={
        picked.length === 2 && (
          <Button size="small" onClick={() => setComparing(true)} data-testid="compare-versions">
            {t('knowledge.compare')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        renderItem={(v) => (
          <List.Item
            actions={
              article.canEdit && v.number !== article.version
                ? [
                    <Button
                      key="restore"
                      size="small"
                      type="link"
                      loading={restore.isPending}
                      onClick={() => restore.mutate({ number: v.number, version: article.version }, { onError: (e) => report(e) })}
                    >
                      {t('knowledge.restore')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space align="start">
              <Checkbox
                checked={picked.includes(v.number)}
                onChange={(e) => toggle(v.number, e.target.checked)}
                aria-label={t('knowledge.versionNumber', { number: v.number })}
              />
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  {t('knowledge.versionNumber', { number: v.number })} <ArticleStateTag state={v.state} />
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {v.authorName} · {formatDateTime(v.createdAt, i18n.language)}
                  {v.restoredFrom != null && ` · ${t('knowledge.restoredFrom', { number: v.restoredFrom })}`}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={comparing}
        destroyOnHidden
        // Focus back on the trigger would leave it in antd's light focus blue, short of contrast.
        focusTriggerAfterClose={false}
        onCancel={() => setComparing(false)}
        footer={null}
        width={760}
        title={t('knowledge.compareTitle', { from, to })}
      >
        {diff.data && <DiffView diff={diff.data} />}
      </Modal>
    </Card>
  );
}
