/** The sample district: 青湖区, three street offices/towns and 17 communities (several named after the source articles). */
export const DISTRICT = { code: 'QH', name: '青湖区' } as const;

export interface StreetSpec {
  code: string;
  name: string;
  shortName: string;
  communities: readonly string[];
}

export const STREETS: readonly StreetSpec[] = [
  {
    code: 'S01',
    name: '城关街道',
    shortName: '城关',
    communities: ['公园社区', '老街社区', '渊明社区', '泉塘社区', '双瑞社区', '文昌社区'],
  },
  {
    code: 'S02',
    name: '锦江街道',
    shortName: '锦江',
    communities: ['锣鼓岭社区', '滨江社区', '新华社区', '东门社区', '丰收社区', '望江社区'],
  },
  {
    code: 'S03',
    name: '米庄镇',
    shortName: '米庄',
    communities: ['顺正河社区', '谢沟社区', '桃源社区', '白沙社区', '青石社区'],
  },
];

export const COMPOUND_PREFIXES = [
  '阳光',
  '幸福',
  '锦绣',
  '金色',
  '翠湖',
  '书香',
  '和谐',
  '丽景',
  '康居',
  '水岸',
  '御景',
  '世纪',
  '怡和',
  '紫荆',
  '桂花',
  '梧桐',
  '香樟',
  '枫林',
  '银杏',
  '春晖',
  '朝阳',
  '滨河',
  '民生',
  '福星',
  '盛世',
  '明珠',
  '东湖',
  '南苑',
  '领秀',
  '江南',
  '清风',
  '馨园',
] as const;
export const COMPOUND_SUFFIXES = ['小区', '花园', '家园', '苑', '名城', '雅居', '新村', '华府', '公馆'] as const;

export const ROADS = [
  '幸福路',
  '建设路',
  '人民路',
  '解放路',
  '文化路',
  '中山路',
  '新华路',
  '和平路',
  '光明路',
  '胜利路',
  '青年路',
  '长江路',
  '滨江大道',
  '迎宾大道',
  '东风路',
  '五一路',
  '朝阳路',
  '学府路',
  '体育路',
  '公园路',
  '渊明路',
  '泉塘街',
  '老街',
  '锦江路',
  '望江路',
  '米庄大道',
  '桃源路',
  '青石路',
  '白沙路',
  '工业路',
] as const;

export const ENTERPRISE_PREFIXES = [
  '万友通',
  '顺达',
  '鑫盛',
  '恒通',
  '楚天',
  '汇丰源',
  '金鹏',
  '长盛',
  '宏达',
  '新锐',
  '天成',
  '博远',
  '凯瑞',
  '正邦',
  '华泰',
  '润泽',
  '众诚',
  '瑞祥',
  '中宏',
  '丰和',
] as const;
export const ENTERPRISE_TRADES = [
  '电子科技',
  '机械制造',
  '食品',
  '物流',
  '建材',
  '服装',
  '商贸',
  '汽车配件',
  '医药',
  '印务',
  '新材料',
  '农业开发',
] as const;

/** One property company per community: 青湖 + a distinct word + 物业服务有限公司. */
export const PROPERTY_WORDS = [
  '安居',
  '恒信',
  '康宁',
  '锦程',
  '宏远',
  '德润',
  '嘉和',
  '惠民',
  '华诚',
  '佳美',
  '鑫源',
  '福瑞',
  '金盾',
  '瑞丰',
  '和美',
  '兴业',
  '永安',
] as const;
