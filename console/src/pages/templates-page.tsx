import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Drawer, Form, Input, Result, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';

type Paths = import('../../../api-types/openapi').paths;
type Template =
  Paths['/api/v1/notifications/templates/catalog']['get']['responses'][200]['content']['application/json'][number];

const variablesIn = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]);

function TemplateEditor({
  template,
  onClose,
  onSaved,
}: {
  template: Template;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setFailure(null);
    const { data, error } = await api.POST('/api/v1/notifications/templates/{key}/versions', {
      params: { path: { key: template.key } },
      body: values,
    });
    setBusy(false);
    if (data) {
      message.success(`「${template.key}」已保存为第 ${data.version} 版`);
      onSaved();
      return;
    }
    // The API is the judge of the variables: its refusal lands on the field that used an unknown one.
    const text = errorMessage(error, '保存失败');
    const unknown = ((error as { details?: { unknown?: string[] } })?.details?.unknown ?? []) as string[];
    const inTitle = unknown.some((v) => variablesIn(values.title).includes(v));
    form.setFields([{ name: inTitle ? 'title' : 'body', errors: [text] }]);
    setFailure(text);
  };
  return (
    <Drawer
      open
      width={560}
      title={`编辑模板 ${template.key}`}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => void save().catch(() => undefined)}>
            保存为新版本
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <div role="group" aria-label="可用变量">
          <Typography.Text>可用变量：</Typography.Text>
          {template.variables.map((v) => (
            <Tag key={v} color="blue">{`{{${v}}}`}</Tag>
          ))}
        </div>
        {failure && <Alert type="error" showIcon role="alert" message="保存未成功" description={failure} />}
        <Form form={form} layout="vertical" initialValues={{ title: template.title, body: template.body }}>
          <Form.Item
            name="title"
            label="标题"
            rules={[
              { required: true, whitespace: true, message: '请填写标题' },
              { max: 100, message: '标题最多 100 字' },
            ]}
          >
            <Input aria-label="标题" />
          </Form.Item>
          <Form.Item
            name="body"
            label="正文"
            rules={[
              { required: true, whitespace: true, message: '请填写正文' },
              { max: 2000, message: '正文最多 2000 字' },
            ]}
          >
            <Input.TextArea aria-label="正文" rows={6} />
          </Form.Item>
        </Form>
      </Space>
    </Drawer>
  );
}

/** 消息模板: the wording of every notification, with the variables its sender supplies. */
export default function TemplatesPage() {
  const { me } = useSession();
  const mayEdit = mayConfigureDistrictSettings(me);
  const [rows, setRows] = useState<Template[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/v1/notifications/templates/catalog');
    if (!data) return setFailure(errorMessage(error, '消息模板加载失败'));
    setRows(data);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (failure) return <Result status="error" title="消息模板加载失败" subTitle={failure} />;
  return (
    <PageContainer
      title={<PageTitle>消息模板</PageTitle>}
      subTitle="通知的措辞；只能使用各模板声明的变量，保存时由系统校验"
    >
      <Table<Template>
        aria-label="消息模板"
        rowKey="key"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: '模板',
            dataIndex: 'key',
            width: 220,
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: '标题', dataIndex: 'title' },
          { title: '正文', dataIndex: 'body', ellipsis: true },
          {
            title: '变量',
            dataIndex: 'variables',
            render: (vars: string[]) => vars.map((v) => <Tag key={v}>{v}</Tag>),
          },
          { title: '版本', dataIndex: 'version', width: 90, render: (v: number) => (v ? `第 ${v} 版` : '系统默认') },
          ...(mayEdit
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  width: 90,
                  render: (_: unknown, t: Template) => (
                    <Button size="small" aria-label={`编辑 ${t.key}`} onClick={() => setEditing(t)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void load();
          }}
        />
      )}
    </PageContainer>
  );
}
