import type { DutyMarking } from '../../../generated/prisma/enums';

export interface DutyItemRow {
  code: string;
  name: string;
  defaultMarking: DutyMarking;
}

// 权责清单 (seed 002): what a community does itself (职责事项) and what it only helps a department with (配合事项).
const DUTIES = [
  '社区党组织建设和党员教育管理',
  '居民会议和居民代表会议组织',
  '居务公开和民主监督',
  '网格化服务管理和网格日常巡查',
  '矛盾纠纷排查和人民调解',
  '社区志愿服务组织',
  '困难群众走访关爱（六访六送）',
  '辖区实有人口信息采集更新',
  '社区环境卫生和文明创建组织',
  '业委会组建和物业服务指导监督',
  '居民诉求受理和反馈',
  '在职党员报到服务和“双进双联”对接',
  '党群服务中心运行管理',
  '新就业群体（外卖员、快递员）服务',
  '社区文化体育活动组织',
  '老年人、留守儿童关爱服务',
  '平安社区建设和群防群治组织',
  '居民公约制定和移风易俗倡导',
  '社区社会组织培育',
  '防汛、消防应急知识宣传和应急演练组织',
];
const COOPERATION = [
  '最低生活保障申请受理初审（配合民政）',
  '残疾人证办理和残疾人帮扶（配合残联）',
  '城乡居民医疗保险参保登记（配合医保）',
  '城乡居民养老保险参保和资格认证（配合人社）',
  '就业失业登记和就业援助（配合人社）',
  '流动人口和出租房屋信息采集（配合公安）',
  '违章搭建、占道经营巡查报告（配合城管）',
  '房屋安全隐患排查（配合住建）',
  '食品安全和消费维权宣传（配合市场监管）',
  '安全生产和消防安全检查（配合应急管理）',
  '征兵宣传和兵役登记（配合武装部）',
  '人口普查、经济普查等统计调查（配合统计）',
  '优生优育和家庭健康服务（配合卫健）',
  '疫苗接种和疫情防控（配合卫健、疾控）',
  '禁毒宣传和社区戒毒康复（配合公安）',
  '社区矫正对象日常管理（配合司法所）',
];

export const DUTY_ITEMS: readonly DutyItemRow[] = [
  ...DUTIES.map((name) => ({ name, defaultMarking: 'DUTY' as const })),
  ...COOPERATION.map((name) => ({ name, defaultMarking: 'COOPERATION' as const })),
].map((item, i) => ({ code: `D${String(i + 1).padStart(2, '0')}`, ...item }));
