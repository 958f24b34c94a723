import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { languageEndonyms, supportedLanguages } from '../i18n/languages';

/**
 * One input per UI language for a name the server stores as {"zh-CN": ..., "en-US": ...}.
 * At least one is needed; the server falls back to another language where one is missing.
 */
export function LocalizedNameFields({ name, label, required = true }: { name: (string | number)[]; label: string; required?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const atLeastOne = {
    validator: async () => {
      const values = form.getFieldValue(name) as Record<string, string | undefined> | undefined;
      if (required && !Object.values(values ?? {}).some((value) => value?.trim())) {
        throw new Error(t('validation.nameInOneLanguage'));
      }
    },
  };
  return (
    <Row gutter={12}>
      {supportedLanguages.map((language, index) => (
        <Col xs={24} sm={12} key={language}>
          <Form.Item
            name={[...name, language]}
            label={`${label} · ${languageEndonyms[language]}`}
            rules={index === 0 ? [atLeastOne] : []}
            dependencies={index === 0 ? supportedLanguages.slice(1).map((other) => [...name, other]) : undefined}
          >
            <Input lang={language} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
