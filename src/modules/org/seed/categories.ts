/**
 * Request categories (诉求类别) and the street department type (OrgUnit.deptType) that handles each.
 * The English code is stable and is what DepartmentCategory.category stores; the name is what people see.
 */
export interface RequestCategory {
  code: string;
  name: string;
  deptType: string;
}

export const REQUEST_CATEGORIES: readonly RequestCategory[] = [
  { code: 'street_vending', name: '占道经营', deptType: '城管' },
  { code: 'illegal_construction', name: '违章搭建', deptType: '城管' },
  { code: 'construction_noise', name: '噪音扰民（夜间施工）', deptType: '城管' },
  { code: 'littering', name: '乱堆乱放、垃圾乱倒', deptType: '城管' },
  { code: 'illegal_advertising', name: '违规户外广告', deptType: '城管' },
  { code: 'neighbour_dispute', name: '邻里纠纷', deptType: '司法所' },
  { code: 'wage_dispute_mediation', name: '劳资纠纷（调解）', deptType: '司法所' },
  { code: 'family_dispute', name: '婚姻家庭纠纷', deptType: '司法所' },
  { code: 'legal_aid', name: '法律援助咨询', deptType: '司法所' },
  { code: 'public_security_hazard', name: '治安隐患', deptType: '派出所' },
  { code: 'domestic_noise', name: '噪音扰民（生活噪音）', deptType: '派出所' },
  { code: 'telecom_fraud', name: '电信网络诈骗', deptType: '派出所' },
  { code: 'household_registration', name: '户籍业务', deptType: '派出所' },
  { code: 'wage_arrears', name: '欠薪', deptType: '劳动监察' },
  { code: 'labour_contract', name: '劳动合同违法', deptType: '劳动监察' },
  { code: 'social_insurance_arrears', name: '社保欠缴', deptType: '劳动监察' },
  { code: 'subsistence_allowance', name: '低保救助', deptType: '民政' },
  { code: 'temporary_assistance', name: '临时救助', deptType: '民政' },
  { code: 'elderly_care', name: '养老服务', deptType: '民政' },
  { code: 'disability_assistance', name: '残疾人帮扶', deptType: '民政' },
  { code: 'housing_safety', name: '房屋安全', deptType: '住建' },
  { code: 'property_dispute', name: '物业纠纷', deptType: '住建' },
  { code: 'old_compound_renovation', name: '老旧小区改造', deptType: '住建' },
  { code: 'food_safety', name: '食品安全', deptType: '市场监管' },
  { code: 'consumer_dispute', name: '消费纠纷', deptType: '市场监管' },
  { code: 'unlicensed_business', name: '无证经营', deptType: '市场监管' },
  { code: 'elevator_safety', name: '电梯安全', deptType: '市场监管' },
  { code: 'major_dispute', name: '重大矛盾纠纷（联调）', deptType: '综治中心' },
  { code: 'petition', name: '信访事项', deptType: '综治中心' },
  { code: 'other', name: '其他事项', deptType: '综治中心' },
];

const byCode = new Map(REQUEST_CATEGORIES.map((c) => [c.code, c]));

export function requestCategory(code: string): RequestCategory | undefined {
  return byCode.get(code);
}
