import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { FormListFieldData, FormListOperation } from 'antd/es/form/FormList';
import type { ReactNode } from 'react';

/**
 * ProFormList's own remove icon is a bare <span> (no tab stop, no name): a keyboard user could not reach it and a
 * screen reader would not say what it removes. This is a real button named after the row it removes.
 */
export const removeButton =
  (what: string, min: number) =>
  (field: FormListFieldData, action: FormListOperation, _default: ReactNode, count: number): ReactNode[] => [
    <Button
      key="remove"
      type="text"
      danger
      size="small"
      icon={<DeleteOutlined />}
      aria-label={`删除第 ${field.name + 1} 个${what}`}
      title={`删除此${what}`}
      disabled={count <= min}
      onClick={() => action.remove(field.name)}
    />,
  ];
