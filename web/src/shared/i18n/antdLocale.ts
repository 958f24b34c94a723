import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import koKR from 'antd/locale/ko_KR';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import type { Language } from './languages';

export const antdLocales: Record<Language, Locale> = {
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  'ko-KR': koKR,
  'en-US': enUS,
};
