import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's name as a real heading (screen readers and keyboard users jump by headings). */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
      {children}
    </Typography.Title>
  );
}
