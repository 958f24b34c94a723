// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/AppProviders';
import { i18n } from '../../../shared/i18n';
import { LoginPage } from './LoginPage';

// The page asks the server whether demo data exists; here it always does.
vi.mock('../api/usePublicInfo', () => ({
  usePublicInfo: () => ({ data: { demo: true, version: '0.1.0', languages: ['zh-CN', 'zh-TW', 'ko-KR', 'en-US'] } }),
}));

function renderLoginPage() {
  render(
    <AppProviders>
      <MemoryRouter initialEntries={['/login']}>
        <LoginPage />
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('LoginPage', () => {
  beforeEach(() => localStorage.clear());

  it('renders in English with labelled fields and the demo accounts', async () => {
    await i18n.changeLanguage('en-US');
    renderLoginPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('User name')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('sh.frontline')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en-US');
  });

  it('renders in Simplified Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderLoginPage();
    expect(screen.getByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    expect(screen.getByText('客户服务平台')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
