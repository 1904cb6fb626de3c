import { PageContainer } from '@ant-design/pro-components';
import { App, Button, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { PairingCard } from '../programme/pairing-card';
import { chinaYear } from '../programme/programme-labels';
import { YearPolicyForm } from '../programme/year-policy-form';

/** 双进双联设置 (supervisors): the programme years with their policy, and the agency ↔ community pairings. */
export default function ProgrammeSettingsPage() {
  const { message } = App.useApp();
  const { me } = useSession();
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number>(chinaYear());
  const load = useCallback(() => {
    void api.GET('/api/v1/programme/years', {}).then(({ data }) => setYears((data ?? []).map((y) => y.year)));
  }, []);
  useEffect(load, [load]);

  const open = async (y: number) => {
    const { data, error } = await api.POST('/api/v1/programme/years', { body: { year: y } });
    if (!data) return void message.error(errorMessage(error, '开启年度失败'));
    message.success(`已开启 ${y} 年度`);
    setYear(y);
    load();
  };
  const next = Math.max(chinaYear(), ...years) + (years.includes(chinaYear()) ? 1 : 0);

  return (
    <PageContainer
      title={<PageTitle>双进双联设置</PageTitle>}
      subTitle="年度“五个一”目标、完成材料要求，以及机关与社区结对"
      extra={
        <Space>
          <label htmlFor="programme-year">年度</label>
          <Select
            id="programme-year"
            style={{ width: 120 }}
            value={years.includes(year) ? year : undefined}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            placeholder="尚未开启"
          />
          <Button onClick={() => void open(next)}>开启 {next} 年度</Button>
        </Space>
      }
    >
      {years.includes(year) && (
        <YearPolicyForm year={year} editable={mayConfigureDistrictSettings(me)} onSaved={load} />
      )}
      <PairingCard />
    </PageContainer>
  );
}
