// Made-up names for the demo's people, drawn from the seeded source. The surnames of the people
// the article names (Jiang, Zhao, Zhou, Kang, Xu, Shang) are left out so they stay unambiguous.
import type { Random } from './random.js';

const SURNAMES = (
  'Wang Li Zhang Liu Chen Yang Huang Wu Sun Ma Hu Guo He Gao Lin Luo Zheng Liang Song Tang Han ' +
  'Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Yu Du Ye Cheng Wei Su Ding Ren Shen Yao ' +
  'Lu Jin Fu Qian'
).split(' ');

const SYLLABLES = (
  'ming hua li jun fang wei xia lan qiang yan hong ping jie ling tao yun bo hui jing lei min ' +
  'gang xiu mei guo zhi chun qing feng shu'
).split(' ');

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A source of full names (`Wang Minghua`), none given twice. */
export function nameSource(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const given = random.chance(0.3)
        ? capitalised(random.pick(SYLLABLES))
        : capitalised(random.pick(SYLLABLES)) + random.pick(SYLLABLES);
      const name = `${random.pick(SURNAMES)} ${given}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
