import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Gold, with the dark text of the gold palette: the default gold tag text is too faint to read (WCAG contrast). */
export function VipTag({ children }: { children: ReactNode }) {
  return (
    <Tag color="gold" style={{ color: '#874d00' }}>
      {children}
    </Tag>
  );
}
