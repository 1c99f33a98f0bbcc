import { append, h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { formatDate } from '../format.js';
import { INTEGRATIONS } from '../demo-data.js';
import { badge, pageHeader } from './common.js';

/** Which integrations need an API key first, and which scopes will do. */
const NEEDS_KEY = { github: ['deploy', 'admin'], webhooks: ['read', 'deploy', 'admin'] };
const CONNECT_DELAY_MS = 500;

export function integrationTabs(currentPath) {
  const tabs = [
    ['/integrations', 'Integrations', 'tab-integrations'],
    ['/integrations/api-keys', 'API keys', 'tab-api-keys'],
  ];
  return h(
    'nav',
    { class: 'tabs', 'aria-label': 'Integrations sections' },
    tabs.map(([href, label, anchor]) => h('a', { class: 'tabs__link', href, 'aria-current': href === currentPath ? 'page' : false, 'data-waymark': anchor }, label)),
  );
}

export function renderIntegrations(ctx) {
  const { workspace, bridge, announce, win } = ctx;
  const timers = new Set();
  const grid = h('ul', { class: 'integrations', 'aria-label': 'Available integrations', 'data-waymark': 'integrations-grid' });

  const connect = (integration, button) => {
    button.disabled = true;
    button.textContent = 'Connecting…';
    // Simulates the OAuth round trip a real integration would make.
    const timer = win.setTimeout(() => {
      timers.delete(timer);
      workspace.update((data) => ({ integrations: { ...data.integrations, [integration.id]: { connectedAt: ctx.now() } } }));
      bridge.track('integration_connected', { integration: integration.id, category: integration.category, apiKeys: workspace.get().apiKeys.length });
      announce(`${integration.name} connected.`);
    }, CONNECT_DELAY_MS);
    timers.add(timer);
  };
  const disconnect = (integration) => {
    workspace.update((data) => {
      const { [integration.id]: _removed, ...rest } = data.integrations;
      return { integrations: rest };
    });
    announce(`${integration.name} disconnected.`);
  };

  const card = (integration) => {
    const data = workspace.get();
    const state = data.integrations[integration.id];
    const scopes = NEEDS_KEY[integration.id];
    const missingKey = !state && scopes && !data.apiKeys.some((key) => scopes.includes(key.scope));
    const noteId = `integration-${integration.id}-note`;
    const button = h(
      'button',
      {
        class: ['btn', state ? 'btn--secondary' : 'btn--primary'],
        type: 'button',
        'data-waymark': `integration-connect-${integration.id}`,
        // aria-disabled, not disabled: the button stays focusable and explains itself when pressed.
        'aria-disabled': missingKey ? 'true' : false,
        'aria-describedby': missingKey ? noteId : false,
      },
      state ? 'Disconnect' : 'Connect',
    );
    const note = h('p', { class: ['integration__note', missingKey && 'integration__note--warning'], id: noteId });
    if (missingKey) {
      append(note, [`Needs an API key with ${scopes.includes('read') ? 'any' : 'Deploy or Full access'} scope. `, h('a', { class: 'link', href: '/integrations/api-keys' }, 'Create an API key')]);
    } else if (state) {
      note.textContent = `Connected ${formatDate(state.connectedAt)}`;
    }
    button.addEventListener('click', () => {
      if (missingKey) {
        note.classList.add('integration__note--flash');
        note.querySelector('a')?.focus();
        return;
      }
      if (state) disconnect(integration);
      else connect(integration, button);
    });
    return h(
      'li',
      { class: 'card integration', 'data-waymark': `integration-${integration.id}` },
      h(
        'div',
        { class: 'integration__head' },
        h('span', { class: ['logo', `logo--${integration.id}`], 'aria-hidden': 'true' }, integration.name[0]),
        h('div', {}, h('h2', { class: 'integration__name' }, integration.name), h('p', { class: 'integration__category' }, integration.category)),
        state ? badge('Connected', 'success') : null,
      ),
      h('p', { class: 'integration__description' }, integration.description),
      note,
      h('div', { class: 'integration__actions' }, button),
    );
  };

  const render = () => replaceChildren(grid, INTEGRATIONS.map(card));
  render();
  const unsubscribe = workspace.subscribe(render);

  const element = h(
    'div',
    { class: 'page page--integrations' },
    pageHeader({ title: 'Integrations', description: 'Connect the tools your team already uses. GitHub and Webhooks authenticate with one of your API keys.' }),
    integrationTabs('/integrations'),
    grid,
  );
  return {
    title: 'Integrations',
    element,
    dispose() {
      unsubscribe();
      for (const timer of timers) win.clearTimeout(timer);
    },
  };
}

