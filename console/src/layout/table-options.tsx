import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/**
 * A list's toolbar: only 刷新. ProTable draws its reload icon in a plain clickable span the keyboard never reaches; a
 * real button inside it is focusable and its click bubbles to that span, so Tab + Enter reloads too.
 */
export const tableOptions = {
  reload: true,
  density: false,
  setting: false,
  reloadIcon: <Button type="text" size="small" icon={<ReloadOutlined />} aria-label="刷新" />,
} as const;
