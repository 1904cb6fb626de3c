// Prints what each route downloads on a first visit (gzipped), from the build's chunk graph (dist/.vite/manifest.json):
// the entry with its static imports, plus the lazy chunks the route renders and theirs. `npm run bundle-report`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gz = new Map();
const gzipped = (file) =>
  gz.get(file) ?? gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length).get(file);

function closure(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const dep of chunk.imports ?? []) closure(dep, into);
  return into;
}

const entry = 'index.html';
const layout = 'src/layout/console-layout.tsx';
const routes = {
  '/console/login 登录': ['src/pages/login-page.tsx'],
  '/console/workbench 工作台': [layout, 'src/pages/workbench-page.tsx'],
  '/console/cases/:id 诉求详情': [layout, 'src/pages/case-detail-page.tsx'],
  '/console/inbox 消息中心': [layout, 'src/pages/inbox-page.tsx'],
  '/console/audit 审计': [layout, 'src/pages/audit-page.tsx'],
  '/console/dashboard 三率看板': [layout, 'src/pages/dashboard-page.tsx'],
  '/console/policies/request-loop 流程策略': [layout, 'src/pages/policy-editor-page.tsx'],
  '/console/yellow-cards 黄牌预警': [layout, 'src/pages/yellow-cards-page.tsx'],
  '/console/yellow-cards/:id 黄牌详情': [layout, 'src/pages/yellow-card-detail-page.tsx'],
  '/console/policies/rating 评价规则': [layout, 'src/pages/rating-policy-page.tsx'],
  '/console/policies/mediation 调解规则': [layout, 'src/pages/mediation-policy-page.tsx'],
  '/console/calendar 工作日历': [layout, 'src/pages/calendar-page.tsx'],
  '/console/templates 消息模板': [layout, 'src/pages/templates-page.tsx'],
  '/console/escalations 督办': [layout, 'src/pages/escalations-page.tsx'],
  '/console/extensions 延期审批': [layout, 'src/pages/extensions-page.tsx'],
  '/console/points 积分排行': [layout, 'src/pages/points-page.tsx'],
  '/console/org 组织架构': [layout, 'src/pages/org-page.tsx'],
  '/console/settings 个人设置': [layout, 'src/pages/settings-page.tsx'],
  '/console/queues 队列看板': [layout, 'src/pages/queue-dashboard-page.tsx'],
  '/console/programme/tasks 双进双联任务': [layout, 'src/pages/programme-tasks-page.tsx'],
  '/console/programme/wishes 微心愿': [layout, 'src/pages/programme-wishes-page.tsx'],
  '/console/programme/activities 志愿服务': [layout, 'src/pages/programme-activities-page.tsx'],
  '/console/programme/members 报到党员': [layout, 'src/pages/programme-members-page.tsx'],
  '/console/programme/completion 完成情况': [layout, 'src/pages/programme-completion-page.tsx'],
  '/console/programme/settings 双进双联设置': [layout, 'src/pages/programme-settings-page.tsx'],
  '/console/mediation 矛盾调解': [layout, 'src/pages/mediation-disputes-page.tsx'],
  '/console/mediation/new 受理矛盾纠纷': [layout, 'src/pages/mediation-intake-page.tsx'],
  '/console/mediation/:id 纠纷详情': [layout, 'src/pages/mediation-dispute-page.tsx'],
  '/console/m/login 居民登录': ['src/resident/pages/resident-login-page.tsx'],
  '/console/m 我的诉求': ['src/resident/resident-layout.tsx', 'src/resident/pages/my-cases-page.tsx'],
  '/console/m/report 反映问题': ['src/resident/resident-layout.tsx', 'src/resident/pages/report-page.tsx'],
  '/console/m/cases/:id 诉求进度': ['src/resident/resident-layout.tsx', 'src/resident/pages/my-case-page.tsx'],
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const entryFiles = closure(entry);
console.log(`entry (index.html + static imports): ${kb([...entryFiles].reduce((s, f) => s + gzipped(f), 0))} gzipped`);
for (const [route, lazies] of Object.entries(routes)) {
  const files = new Set(entryFiles);
  for (const key of lazies) closure(key, files);
  const total = [...files].reduce((s, f) => s + gzipped(f), 0);
  console.log(`${route}: ${kb(total)} gzipped in ${files.size} files`);
}
// ECharts (its own chunk, see vite.config.ts) belongs to the charts' route alone.
const withEcharts = Object.entries(routes).filter(([, lazies]) => {
  const files = new Set(entryFiles);
  for (const key of lazies) closure(key, files);
  return [...files].some((f) => /\/echarts-[^/]*\.js$/.test(f));
});
console.log(`routes downloading ECharts: ${withEcharts.map(([r]) => r).join(', ') || 'none'}`);
