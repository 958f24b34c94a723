import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import { supportedLanguages } from '../../../shared/i18n/languages';
import { helpArticlePath, Markdown } from '../../../shared/knowledge';
import { PageHeading } from '../../../shared/layout';
import { useBranchList, useMe } from '../../../shared/session';
import { PageLoading, QueryErrorAlert, useProblemReporter } from '../../../shared/ui';
import { articleStates, useArticle, useSaveArticle, type ArticleRequest } from '../api/useKnowledge';
import { ArticleHistory } from '../components/ArticleHistory';
import { ArticleStateTag } from '../components/ArticleStateTag';
import { HelpfulCounts } from '../components/HelpfulCounts';
import { languageName } from '../components/languageName';
import { OwnerSelect } from '../components/OwnerSelect';
import { TranslationsPanel } from '../components/TranslationsPanel';

interface Values {
  language: string;
  title: string;
  summary?: string;
  category?: string;
  tags: string[];
  state: string;
  reviewBy?: string;
  branch?: string;
  ownerId?: string;
  body: string;
}

/**
 * Writes an article (/knowledge/new, /knowledge/<id>): Markdown with a preview, its state and review date, then
 * history and translations beside it. A new translation (?translationOf=&language=) starts from the original's text.
 */
export function ArticleEditorPage() {
  const { id } = useParams();
  const isNew = id === undefined || id === 'new';
  const [params] = useSearchParams();
  const translationOf = params.get('translationOf') ?? undefined;
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useProblemReporter();
  const article = useArticle(isNew ? undefined : id);
  const source = useArticle(isNew ? translationOf : undefined);
  const save = useSaveArticle(isNew ? null : id!);
  const [form] = Form.useForm<Values>();
  const body = Form.useWatch('body', form) ?? '';
  const typedBranch = Form.useWatch('branch', form);
  const me = useMe().data;
  const branches = useBranchList().data;
  const a = article.data;
  const readOnly = !!a && !a.canEdit;
  // Owners are those who may write the article's branch; while the code is being typed, the list is everyone's.
  const ownerBranch = branches?.find((b) => b.code === typedBranch?.trim().toUpperCase())?.code;
  const knownOwners = [
    ...(a?.ownerId && a.ownerName ? [{ id: a.ownerId, displayName: a.ownerName }] : []),
    ...(me ? [{ id: me.id, displayName: me.displayName }] : []),
  ];

  useEffect(() => {
    if (a)
      form.setFieldsValue({
        ...a,
        summary: a.summary,
        category: a.category ?? undefined,
        reviewBy: a.reviewBy ?? undefined,
        branch: a.branch ?? undefined,
        ownerId: a.ownerId ?? undefined,
      });
  }, [a, form]);
  // A new article is its writer's until they choose someone else.
  useEffect(() => {
    if (isNew && me && !form.getFieldValue('ownerId')) form.setFieldsValue({ ownerId: me.id });
  }, [isNew, me, form]);
  useEffect(() => {
    const s = source.data;
    if (isNew && s)
      form.setFieldsValue({ title: s.title, summary: s.summary, body: s.body, category: s.category ?? undefined, tags: [...s.tags], branch: s.branch ?? undefined });
  }, [isNew, source.data, form]);

  if (!isNew && article.isLoading) return <PageLoading />;
  if (!isNew && article.error) return <QueryErrorAlert error={article.error} />;

  const submit = (v: Values) => {
    const request: ArticleRequest = {
      ...v,
      language: v.language ?? a?.language ?? i18n.language,
      summary: v.summary ?? '',
      category: v.category ?? null,
      ownerId: v.ownerId ?? a?.ownerId ?? null,
      reviewBy: v.reviewBy || null,
      branch: v.branch || null,
      version: a?.version ?? null,
      translationOf: isNew ? (translationOf ?? null) : null,
    };
    save.mutate(request, {
      onSuccess: (saved) => {
        void message.success(t('knowledge.saved', { number: saved.version }));
        if (isNew) void navigate(`/knowledge/${saved.id}`, { replace: true });
      },
      onError: (e) => report(e, form),
    });
  };

  return (
    <>
      <PageHeading
        title={isNew ? t('knowledge.newArticle') : (a?.title ?? '')}
        extra={a && <Space>{<ArticleStateTag state={a.state} />}{a.dueForReview && <Tag color="red">{t('knowledge.dueForReview')}</Tag>}</Space>}
      />
      {source.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('knowledge.translatingFrom', { title: source.data.title, language: languageName(source.data.language) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              disabled={readOnly}
              initialValues={{ language: params.get('language') ?? i18n.language, state: 'draft', tags: [], body: '' }}
              onFinish={submit}
            >
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  {isNew ? (
                    <Form.Item name="language" label={t('knowledge.language')} rules={[{ required: true, message: t('validation.required') }]}>
                      <Select options={supportedLanguages.map((l) => ({ value: l, label: languageName(l) }))} />
                    </Form.Item>
                  ) : (
                    // An article's language is fixed: another language is a translation of its own.
                    <Form.Item label={t('knowledge.language')}>
                      <Typography.Text>{a ? languageName(a.language) : ''}</Typography.Text>
                    </Form.Item>
                  )}
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="state" label={t('knowledge.state')}>
                    <Segmented options={articleStates.map((s) => ({ value: s, label: t(`knowledge.states.${s}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  {readOnly ? (
                    // Readers see who owns it; only writers may list who could.
                    <Form.Item label={t('knowledge.owner')}>
                      <Typography.Text>{a?.ownerName ?? '—'}</Typography.Text>
                    </Form.Item>
                  ) : (
                    <Form.Item name="ownerId" label={t('knowledge.owner')} extra={t('knowledge.ownerHint')}>
                      <OwnerSelect branch={ownerBranch} known={knownOwners} />
                    </Form.Item>
                  )}
                </Col>
              </Row>
              <Form.Item name="title" label={t('knowledge.articleTitle')} rules={[{ required: true, message: t('validation.required') }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="summary" label={t('knowledge.summary')} extra={t('knowledge.summaryHint')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item name="category" label={t('knowledge.category')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="tags" label={t('knowledge.tags')}>
                    <Select mode="tags" tokenSeparators={[',', '，']} open={false} aria-label={t('knowledge.tags')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name="reviewBy" label={t('knowledge.reviewBy')}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name="branch" label={t('knowledge.branch')} extra={t('knowledge.branchHint')}>
                    <Input maxLength={32} placeholder={t('knowledge.allBranches')} />
                  </Form.Item>
                </Col>
              </Row>
              <Tabs
                items={[
                  {
                    key: 'write',
                    label: t('knowledge.write'),
                    children: (
                      <Form.Item name="body" rules={[{ required: true, message: t('validation.required') }]} extra={t('knowledge.markdownHint')}>
                        <Input.TextArea rows={18} aria-label={t('knowledge.body')} data-testid="article-body" style={{ fontFamily: 'ui-monospace, monospace' }} />
                      </Form.Item>
                    ),
                  },
                  {
                    key: 'preview',
                    label: t('knowledge.preview'),
                    children: (
                      <div data-testid="article-preview" style={{ minHeight: 200, border: '1px solid #dfe3ea', borderRadius: 8, padding: '4px 16px' }}>
                        <Markdown source={body} />
                      </div>
                    ),
                  },
                ]}
              />
              {!readOnly && (
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-article">
                    {t('common.save')}
                  </Button>
                  <Button onClick={() => void navigate('/knowledge')}>{t('common.cancel')}</Button>
                </Flex>
              )}
            </Form>
          </Card>
        </Col>
        {a && (
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card size="small">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'owner', label: t('knowledge.owner'), children: a.ownerName ?? '—' },
                    { key: 'version', label: t('knowledge.version'), children: a.version },
                    { key: 'updated', label: t('knowledge.updated'), children: formatDateTime(a.updatedAt, i18n.language) },
                    { key: 'helpful', label: t('knowledge.helpful'), children: <HelpfulCounts yes={a.helpfulYes} no={a.helpfulNo} /> },
                  ]}
                />
                {a.state === 'published' && (
                  <Typography.Link href={helpArticlePath(a.id, a.branch)} target="_blank">
                    {t('knowledge.openInHelpCentre')}
                  </Typography.Link>
                )}
              </Card>
              <TranslationsPanel article={a} />
              <ArticleHistory article={a} />
            </Flex>
          </Col>
        )}
      </Row>
    </>
  );
}
