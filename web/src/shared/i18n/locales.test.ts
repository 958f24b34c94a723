import { describe, expect, it } from 'vitest';
import enUS from './locales/en-US.json';
import koKR from './locales/ko-KR.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else flatten(value, path).forEach((text, nested) => entries.set(nested, text));
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const english = flatten(enUS);
const translations = { 'zh-CN': flatten(zhCN), 'zh-TW': flatten(zhTW), 'ko-KR': flatten(koKR) };

describe('locale files', () => {
  it.each(Object.entries(translations))('%s has exactly the English keys', (_, entries) => {
    expect([...entries.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(Object.entries({ 'en-US': english, ...translations }))('%s has no empty text', (_, entries) => {
    const empty = [...entries].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(translations))('%s uses the same {{placeholders}} as English', (_, entries) => {
    const mismatched = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(entries.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});
