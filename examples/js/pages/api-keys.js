import { h, replaceChildren } from '../dom.js';
import { icon } from '../icons.js';
import { formatDate, formatRelative } from '../format.js';
import { API_KEY_SCOPES } from '../demo-data.js';
import { copyText } from '../clipboard.js';
import { clearErrorsOnInput, field, lengthBetween, required, validateForm } from '../forms.js';
import { badge, emptyState, pageHeader, scrollTable, section } from './common.js';
import { integrationTabs } from './integrations.js';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';
const EXPIRY_OPTIONS = [
  ['90', '90 days (recommended)'],
  ['30', '30 days'],
  ['365', '1 year'],
  ['never', 'Never'],
];

/** A key the server would generate: prefix + 32 random characters. */
function generateKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `acme_live_${Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
}

export function renderApiKeys(ctx) {
  const { workspace, bridge, announce, now, win, url } = ctx;
  const formId = 'api-key-create';
  const createButton = h(
    'button',
    { class: 'btn btn--primary', type: 'button', 'aria-expanded': 'false', 'aria-controls': formId, 'data-waymark': 'api-key-create-button' },
    icon('plus'),
    'Create API key',
  );

  const name = h('input', { class: 'input', name: 'name', id: `${formId}-name`, autocomplete: 'off', 'data-waymark': 'api-key-name' });
  const scope = h(
    'select',
    { class: 'input', name: 'scope', id: `${formId}-scope`, 'data-waymark': 'api-key-scope' },
    h('option', { value: '' }, 'Choose what this key may do'),
    API_KEY_SCOPES.map((option) => h('option', { value: option.id }, `${option.label}: ${option.description}`)),
  );
  const preselected = url.searchParams.get('project');
  const project = h(
    'select',
    { class: 'input', name: 'project', id: `${formId}-project`, 'data-waymark': 'api-key-project' },
    h('option', { value: '' }, 'All projects'),
    workspace.get().projects.map((candidate) => h('option', { value: candidate.id, selected: candidate.id === preselected }, candidate.name)),
  );
  const expiry = h('select', { class: 'input', name: 'expiry', id: `${formId}-expiry` }, EXPIRY_OPTIONS.map(([value, label]) => h('option', { value }, label)));
  const form = h(
    'form',
    { class: 'form', novalidate: true, 'aria-labelledby': 'api-key-form-title', 'data-waymark': 'api-key-form' },
    h(
      'div',
      { class: 'form__grid' },
      field({ label: 'Key name', hint: 'Where the key is used, e.g. “GitHub Actions”.', control: name }),
      field({ label: 'Scope', hint: 'Give each key the least access it needs.', control: scope }),
      field({ label: 'Project', control: project }),
      field({ label: 'Expires after', control: expiry }),
    ),
    h('div', { class: 'form__actions' }, h('button', { class: 'btn btn--primary', type: 'submit', 'data-waymark': 'api-key-submit' }, 'Create key'), h('button', { class: 'btn btn--secondary', type: 'button', on: { click: () => setFormOpen(false, true) } }, 'Cancel')),
  );
  clearErrorsOnInput(form);
  const formSection = section({ title: 'Create an API key', labelledBy: 'api-key-form-title', className: 'api-key-create' }, form);
  formSection.id = formId;

  // Shown once after creation: the full key never reaches storage, only its prefix does.
  const reveal = h('section', { class: 'card reveal', 'aria-labelledby': 'api-key-reveal-title', hidden: true, 'data-waymark': 'api-key-reveal' });
  const showReveal = (key, keyName) => {
    const input = h('input', { class: 'input input--mono', readonly: true, value: key, id: 'api-key-secret', 'aria-label': `API key ${keyName}` });
    const copy = h('button', { class: 'btn btn--primary', type: 'button', 'data-waymark': 'api-key-copy' }, icon('copy'), 'Copy key');
    const done = h('button', { class: 'btn btn--secondary', type: 'button' }, 'I have saved it');
    copy.addEventListener('click', async () => {
      const copied = await copyText(win, key, input);
      copy.replaceChildren(icon(copied ? 'check' : 'copy'), copied ? 'Copied' : 'Copy key');
      announce(copied ? 'API key copied to the clipboard.' : 'Copy failed: the key is selected, press Ctrl+C.');
    });
    done.addEventListener('click', () => {
      reveal.hidden = true;
      reveal.replaceChildren();
      createButton.focus();
    });
    replaceChildren(
      reveal,
      h('h2', { class: 'section__title', id: 'api-key-reveal-title', tabindex: '-1' }, `Your new key “${keyName}”`),
      h('p', { class: 'reveal__warning' }, icon('alert'), 'Copy it now and store it in your secret manager. For your security we will not show it again.'),
      h('div', { class: 'input-group' }, input, copy),
      h('div', { class: 'form__actions' }, done),
    );
    reveal.hidden = false;
    reveal.querySelector('h2')?.focus();
  };

  const setFormOpen = (open, restoreFocus = false) => {
    createButton.setAttribute('aria-expanded', String(open));
    formSection.hidden = !open;
    if (open) name.focus();
    else if (restoreFocus) createButton.focus();
  };
  createButton.addEventListener('click', () => setFormOpen(createButton.getAttribute('aria-expanded') !== 'true'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const names = workspace.get().apiKeys.map((key) => key.name.toLowerCase());
    const result = validateForm(form, {
      name: [required('Enter a name for the key.'), lengthBetween(2, 40, 'Use 2 to 40 characters.'), { test: (value) => !names.includes(value.toLowerCase()), message: 'A key with this name already exists.' }],
      scope: [required('Choose a scope.')],
    });
    if (!result.ok) return;
    const secret = generateKey();
    const { values } = result;
    const key = {
      id: `key-${secret.slice(-8)}`,
      name: values.name,
      scope: values.scope,
      projectId: values.project || null,
      createdAt: now(),
      lastUsedAt: null,
      expiresAt: values.expiry === 'never' ? null : now() + Number(values.expiry) * 86_400_000,
      prefix: `acme_live_…${secret.slice(-4)}`,
    };
    workspace.update((data) => ({ apiKeys: [key, ...data.apiKeys] }));
    bridge.track('api_key_created', { scope: key.scope, projectScoped: key.projectId !== null, expires: values.expiry });
    form.reset();
    setFormOpen(false);
    showReveal(secret, key.name);
  });

  const list = h('div');
  const renderList = () => {
    const { apiKeys, projects } = workspace.get();
    replaceChildren(
      list,
      apiKeys.length === 0
        ? emptyState({ title: 'No API keys yet', body: 'Keys let your CI, scripts and integrations such as GitHub talk to Acme Cloud.', iconName: 'key' })
        : scrollTable({
            label: 'API keys',
            anchor: 'api-key-table',
            columns: [{ label: 'Name' }, { label: 'Key' }, { label: 'Scope' }, { label: 'Project' }, { label: 'Created' }, { label: 'Last used' }, { label: 'Actions' }],
            rows: apiKeys.map((key) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', class: 'nowrap' }, key.name),
                h('td', {}, h('code', { class: 'nowrap' }, key.prefix)),
                h('td', {}, badge(API_KEY_SCOPES.find((option) => option.id === key.scope)?.label ?? key.scope, key.scope === 'admin' ? 'warning' : 'neutral')),
                h('td', { class: 'nowrap' }, projects.find((candidate) => candidate.id === key.projectId)?.name ?? 'All projects'),
                h('td', { class: 'nowrap' }, formatDate(key.createdAt)),
                h('td', { class: 'nowrap' }, key.lastUsedAt ? formatRelative(key.lastUsedAt, now()) : 'Never'),
                h(
                  'td',
                  {},
                  h('button', {
                    class: 'btn btn--link btn--danger',
                    type: 'button',
                    'aria-label': `Revoke ${key.name}`,
                    on: {
                      click: () => {
                        workspace.update((data) => ({ apiKeys: data.apiKeys.filter((candidate) => candidate.id !== key.id) }));
                        announce(`Key ${key.name} revoked.`);
                        createButton.focus();
                      },
                    },
                  }, 'Revoke'),
                ),
              ),
            ),
          }),
    );
  };
  renderList();
  const unsubscribe = workspace.subscribe(renderList);

  const element = h(
    'div',
    { class: 'page page--api-keys' },
    pageHeader({ title: 'API keys', description: 'Keys authenticate your scripts, CI and integrations. Treat them like passwords.', actions: [createButton] }),
    integrationTabs('/integrations/api-keys'),
    reveal,
    formSection,
    section({ title: 'Active keys', labelledBy: 'api-keys-active' }, list),
  );
  setFormOpen(url.searchParams.has('project') || url.searchParams.has('new'));
  return { title: 'API keys', element, dispose: unsubscribe };
}
