import type { SeedRandom } from './seed-random';

// The most common surnames first; they appear twice as often as the rest.
const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const OTHER_SURNAMES = (
  '郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦' +
  '付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易常温康施文牛樊葛邢安齐伍余'
).split('');
const SURNAMES = [...COMMON_SURNAMES, ...COMMON_SURNAMES, ...unique(OTHER_SURNAMES)];

const GIVEN = unique(
  (
    '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志文红玉秀兰立新德成永光庆宏林金海峰春晓燕凤云丹' +
    '洁萍莉斌鹏辉波宇浩婷雪琳晨欣佳怡思梦雨子嘉俊博泽鑫亮梅琴颖慧家豪晶莹亚楠雅倩振东兴旺荣富贵'
  ).split(''),
);

function unique(chars: string[]): string[] {
  return [...new Set(chars)];
}

/** Chinese personal names: surname + one or two given-name characters, drawn from a seeded stream. */
export function createNameSource(random: SeedRandom): () => string {
  return () => {
    const surname = random.pick(SURNAMES);
    const first = random.pick(GIVEN);
    if (random.chance(0.35)) return surname + first;
    let second = random.pick(GIVEN);
    while (second === first && random.chance(0.8)) second = random.pick(GIVEN);
    return surname + first + second;
  };
}
