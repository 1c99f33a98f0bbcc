import { h } from '../dom.js';
import { icon } from '../icons.js';
import { formatDate, formatRelative } from '../format.js';
import { REGIONS } from '../demo-data.js';
import { copyText } from '../clipboard.js';
import { badge, emptyState, pageHeader, scrollTable, section } from './common.js';

const AUTHORS = ['Dana P.', 'Marius K.', 'Olga S.', 'Jonas V.', 'Aistė J.'];
const MESSAGES = ['Bump runtime to node 22', 'Add retry to webhook sender', 'Fix currency rounding on refunds', 'Cache tracking lookups for 30 s', 'Split worker queue by region', 'Upgrade TLS certificates', 'Log slow queries over 200 ms'];

/** FNV-1a with a final mix: well-spread bits from short, similar strings. */
function hash32(text) {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  hash = Math.imul(hash ^ (hash >>> 15), 2246822507);
  return (hash ^ (hash >>> 13)) >>> 0;
}

/** A plausible deploy history derived from the project, so the same project always shows the same rows. */
function deployments(project, now) {
  const age = Math.max(1, Math.floor((now - project.createdAt) / 86_400_000));
  const count = Math.min(12, age + 1);
  return Array.from({ length: count }, (_, index) => {
    const hash = hash32(`${project.id}:${index}`);
    return {
      commit: hash.toString(16).padStart(8, '0').slice(0, 7),
      message: MESSAGES[(hash >>> 3) % MESSAGES.length],
      author: AUTHORS[(hash >>> 7) % AUTHORS.length],
      branch: index % 4 === 2 ? 'feature/queue-split' : 'main',
      status: index === 1 && count > 3 ? 'failed' : 'live',
      duration: `${40 + ((hash >>> 11) % 80)} s`,
      at: now - index * Math.max(1, Math.floor(age / count)) * 86_400_000 - (hash % 7_200_000),
    };
  });
}

export function renderProjectDetail(ctx) {
  const { workspace, params, now, win, announce } = ctx;
  const project = workspace.get().projects.find((candidate) => candidate.id === params.id);
  if (!project) {
    return {
      title: 'Project not found',
      element: h(
        'div',
        { class: 'page' },
        pageHeader({ title: 'Project not found', description: `There is no project with the id “${params.id}” in this workspace.` }),
        h('a', { class: 'btn btn--secondary', href: '/projects' }, icon('arrowLeft'), 'Back to projects'),
      ),
    };
  }
  const region = REGIONS.find((candidate) => candidate.id === project.region);
  const endpoint = `https://${project.name}.${project.region}.acme-cloud.example`;
  const endpointInput = h('input', { class: 'input input--mono', readonly: true, value: endpoint, 'aria-label': 'Endpoint URL', id: 'project-endpoint' });
  const copyButton = h('button', { class: 'btn btn--secondary', type: 'button', 'data-waymark': 'copy-endpoint' }, icon('copy'), 'Copy');
  copyButton.addEventListener('click', async () => {
    announce((await copyText(win, endpoint, endpointInput)) ? 'Endpoint copied.' : 'Press Ctrl+C to copy the selected endpoint.');
  });
  const keys = workspace.get().apiKeys.filter((key) => key.projectId === project.id);
  const rows = deployments(project, now());

  const element = h(
    'div',
    { class: 'page page--project' },
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' }, h('ol', {}, h('li', {}, h('a', { class: 'link', href: '/projects' }, 'Projects')), h('li', { 'aria-current': 'page' }, project.name))),
    pageHeader({
      title: project.name,
      description: project.description || `Created ${formatDate(project.createdAt)} in ${region?.label ?? project.region}.`,
      actions: [badge(project.environment, project.environment === 'production' ? 'success' : 'neutral')],
    }),
    h(
      'div',
      { class: 'grid grid--two' },
      section(
        { title: 'Endpoint', labelledBy: 'project-endpoint-title', description: 'Send requests here with an API key in the Authorization header.' },
        h('div', { class: 'input-group' }, endpointInput, copyButton),
      ),
      section(
        { title: 'API keys', labelledBy: 'project-keys-title' },
        keys.length
          ? h('ul', { class: 'list' }, keys.map((key) => h('li', { class: 'list__item' }, h('span', {}, key.name), h('code', { class: 'list__meta' }, key.prefix))))
          : h('p', { class: 'muted' }, 'No key is scoped to this project yet.'),
        h('a', { class: 'btn btn--secondary', href: `/integrations/api-keys?project=${encodeURIComponent(project.id)}`, 'data-waymark': 'project-create-key' }, icon('key'), 'Create an API key'),
      ),
    ),
    section(
      { title: 'Deployments', labelledBy: 'project-deploys-title', description: 'Scroll sideways on small screens to see every column.' },
      rows.length
        ? scrollTable({
            label: 'Deployments',
            anchor: 'deployments-table',
            className: 'table-scroll--wide',
            columns: [{ label: 'Commit' }, { label: 'Message' }, { label: 'Author' }, { label: 'Branch' }, { label: 'Status' }, { label: 'Build time', numeric: true }, { label: 'Deployed' }],
            rows: rows.map((row) =>
              h(
                'tr',
                {},
                h('td', {}, h('code', {}, row.commit)),
                h('td', { class: 'nowrap' }, row.message),
                h('td', { class: 'nowrap' }, row.author),
                h('td', {}, h('code', {}, row.branch)),
                h('td', {}, badge(row.status, row.status === 'live' ? 'success' : 'danger')),
                h('td', { class: 'num' }, row.duration),
                h('td', { class: 'nowrap' }, formatRelative(row.at, now())),
              ),
            ),
          })
        : emptyState({ title: 'No deployments yet' }),
    ),
  );
  return { title: project.name, element };
}
