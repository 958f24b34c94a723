import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card whose title is a real h2, so the page outline reads well in a screen reader. */
export function SectionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}
