import { h, s } from '../dom.js';
import { icon } from '../icons.js';
import { formatCompact, formatMoney, formatRelative } from '../format.js';
import { REGIONS } from '../demo-data.js';
import { badge, emptyState, pageHeader, section } from './common.js';

/** A stable pseudo-random series per workspace, so the chart does not jump between reloads. */
function dailyRequests(projects, days) {
  const seed = projects.reduce((sum, project) => sum + [...project.id].reduce((a, c) => a + c.charCodeAt(0), 0), 0);
  return Array.from({ length: days }, (_, day) => {
    if (projects.length === 0) return 0;
    const wave = Math.sin((seed + day * 1.7) % 6.28) * 0.25 + 1;
    const weekend = day % 7 === 5 || day % 7 === 6 ? 0.55 : 1;
    return Math.round(projects.length * 41_000 * wave * weekend);
  });
}

function greeting(now) {
  const hour = new Date(now).getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function usageChart(series) {
  const width = 560;
  const height = 160;
  const max = Math.max(...series, 1);
  const barWidth = width / series.length;
  const total = series.reduce((a, b) => a + b, 0);
  return h(
    'figure',
    { class: 'chart' },
    s(
      'svg',
      { class: 'chart__svg', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Requests per day over the last ${series.length} days, ${formatCompact(total)} in total, peak ${formatCompact(max)}.`, preserveAspectRatio: 'none' },
      series.map((value, index) => {
        const barHeight = Math.max(2, (value / max) * (height - 8));
        return s('rect', { class: 'chart__bar', x: index * barWidth + 3, y: height - barHeight, width: barWidth - 6, height: barHeight, rx: 3 });
      }),
    ),
    h('figcaption', { class: 'chart__caption' }, `${formatCompact(total)} requests in the last ${series.length} days`),
  );
}

export function renderDashboard(ctx) {
  const { user, workspace, now } = ctx;
  const data = workspace.get();
  const series = dailyRequests(data.projects, 14);
  const last = series.at(-1) ?? 0;
  const hasProjects = data.projects.length > 0;
  const spend = data.invoices[0] ? data.invoices[0].base + data.invoices[0].usage : 0;
  const firstName = user.name.split(' ')[0];

  const stats = [
    { label: 'Requests, last 24 h', value: hasProjects ? formatCompact(last) : '—', iconName: 'activity' },
    { label: 'Error rate', value: hasProjects ? `${(0.12 + data.projects.length * 0.03).toFixed(2)}%` : '—', iconName: 'alert' },
    { label: 'p95 latency', value: hasProjects ? `${118 + data.projects.length * 6} ms` : '—', iconName: 'server' },
    { label: 'Spend this month', value: formatMoney(spend), iconName: 'card' },
  ];

  const element = h(
    'div',
    { class: 'page page--dashboard' },
    pageHeader({
      title: `${greeting(now())}, ${firstName}`,
      description: hasProjects ? `Here is how ${user.company} is doing today.` : `Welcome to Acme Cloud. Let's get ${user.company} deployed.`,
      actions: [h('a', { class: 'btn btn--primary', href: '/projects?new', 'data-waymark': 'dashboard-new-project' }, icon('plus'), 'New project')],
    }),
    h(
      'ul',
      { class: 'stats', 'aria-label': 'Key metrics', 'data-waymark': 'dashboard-stats' },
      stats.map((stat) => h('li', { class: 'card stat' }, icon(stat.iconName, 'icon stat__icon'), h('span', { class: 'stat__label' }, stat.label), h('span', { class: 'stat__value' }, stat.value))),
    ),
    h(
      'div',
      { class: 'grid grid--dashboard' },
      section(
        { title: 'Traffic', labelledBy: 'dashboard-traffic', className: 'grid__wide' },
        hasProjects
          ? usageChart(series)
          : emptyState({ title: 'No traffic yet', body: 'Create a project to get an endpoint, then send your first request.', iconName: 'activity' }),
      ),
      section(
        { title: 'Projects', labelledBy: 'dashboard-projects', actions: hasProjects && h('a', { class: 'link', href: '/projects' }, 'View all') },
        hasProjects
          ? h(
              'ul',
              { class: 'list' },
              data.projects.slice(0, 4).map((project) =>
                h(
                  'li',
                  { class: 'list__item' },
                  h('a', { class: 'list__link', href: `/projects/${project.id}` }, project.name),
                  h('span', { class: 'list__meta' }, REGIONS.find((region) => region.id === project.region)?.label ?? project.region),
                  badge(project.environment, project.environment === 'production' ? 'success' : 'neutral'),
                ),
              ),
            )
          : emptyState({ title: 'No projects yet', body: 'A project holds your services, keys and deploys.', action: h('a', { class: 'btn btn--secondary', href: '/projects?new' }, 'Create a project'), iconName: 'folder' }),
      ),
      section(
        { title: 'Recent activity', labelledBy: 'dashboard-activity' },
        h(
          'ol',
          { class: 'activity' },
          activity(data, user, now()).map((entry) => h('li', { class: 'activity__item' }, h('span', {}, entry.text), h('time', { class: 'activity__time', datetime: new Date(entry.at).toISOString() }, formatRelative(entry.at, now())))),
        ),
      ),
    ),
  );
  return { title: 'Dashboard', element };
}

function activity(data, user, now) {
  const entries = [
    ...data.projects.map((project) => ({ at: project.createdAt, text: `Project ${project.name} created` })),
    ...data.apiKeys.map((key) => ({ at: key.createdAt, text: `API key “${key.name}” created` })),
    ...Object.entries(data.integrations).map(([id, state]) => ({ at: state.connectedAt, text: `${id[0].toUpperCase()}${id.slice(1)} connected` })),
    ...data.members.filter((member) => member.status === 'invited').map((member) => ({ at: member.invitedAt, text: `${member.email} invited` })),
  ];
  entries.sort((a, b) => b.at - a.at);
  return entries.length ? entries.slice(0, 6) : [{ at: now, text: `${user.name} joined Acme Cloud` }];
}
