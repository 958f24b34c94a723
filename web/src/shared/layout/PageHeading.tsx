import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's h1 (also the browser tab title) with its main actions on the right. */
export function PageHeading({ title, extra }: { title: string; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
