import { describe, expect, it } from 'vitest';
import { fillPlaceholders, macroText, type MacroContext } from './macroText';

const context: MacroContext = {
  'customer.name': '김민준',
  'case.reference': 'TP-000042',
  'case.subject': '카드 분실',
  'agent.name': '이서연',
  'branch.name': '서울 본점',
};

describe('macroText', () => {
  it('takes the case language and fills the placeholders', () => {
    const macro = { body: { 'ko-KR': '{{customer.name}} 고객님, {{ case.reference }} 건은 {{agent.name}}이(가) 돕겠습니다.', 'en-US': 'Dear {{customer.name}}' } };
    expect(macroText(macro, ['ko-KR', 'en-US'], context)).toBe('김민준 고객님, TP-000042 건은 이서연이(가) 돕겠습니다.');
  });

  it('falls back to the next language, then to any text, and leaves unknown placeholders visible', () => {
    expect(macroText({ body: { 'en-US': 'Hello {{customer.name}}' } }, ['zh-TW', 'en-US'], context)).toBe('Hello 김민준');
    expect(macroText({ body: { 'zh-CN': '您好 {{customer.title}}' } }, ['ko-KR'], context)).toBe('您好 {{customer.title}}');
  });
});

describe('fillPlaceholders', () => {
  it('fills every spacing the editor accepts and leaves a placeholder without a value as written', () => {
    expect(fillPlaceholders('{{customer.name}}，您好！{{ case.reference }} · {{branch.name}}', { 'customer.name': '王芳', 'case.reference': 'TP-000123' })).toBe(
      '王芳，您好！TP-000123 · {{branch.name}}',
    );
  });
});
