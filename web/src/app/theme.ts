import type { ThemeConfig } from 'antd';

// Ant Design's defaults (#1677ff, #ff4d4f, 45% grey for secondary text) fall below the WCAG AA 4.5:1 contrast
// for normal text on white. These darker shades keep the look and pass axe-core's colour-contrast rule.
const accessibleBlue = '#0958d9';
// Hover and pressed shades are darker, not lighter as antd derives them: a pointer resting on a button is still read.
const accessibleBlueHover = '#003eb3';
const accessibleRed = '#cf1322';
const secondaryText = 'rgba(0, 0, 0, 0.65)';

// People who asked their system for less motion get none (WCAG 2.3.3). Browser tests should ask for it too: while a
// loading spinner animates out of a button, it is still part of that button's accessible name.
const prefersReducedMotion = typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: accessibleBlue,
    colorInfo: accessibleBlue,
    colorLink: accessibleBlue,
    colorPrimaryHover: accessibleBlueHover,
    colorLinkHover: accessibleBlueHover,
    colorError: accessibleRed,
    colorTextDescription: secondaryText,
    colorTextTertiary: secondaryText,
    borderRadius: 6,
    motion: !prefersReducedMotion,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'PingFang TC', 'Microsoft YaHei', 'Microsoft JhengHei', 'Malgun Gothic', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 24px' },
  },
};
