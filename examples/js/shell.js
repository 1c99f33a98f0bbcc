import { h, replaceChildren } from './dom.js';
import { icon } from './icons.js';
import { initials } from './format.js';
import { DEMO_USERS, PLANS } from './demo-data.js';

const slot = (doc, name) => doc.querySelector(`[data-slot="${name}"]`);

/** Put icons into the static shell's `data-icon` placeholders. */
export function fillIcons(root) {
  for (const placeholder of root.querySelectorAll('.slot-icon[data-icon]')) {
    if (!placeholder.firstChild) placeholder.append(icon(placeholder.dataset.icon));
  }
}

/** Mark the sidebar link for the current path with aria-current="page". */
export function markCurrentNav(doc, path) {
  for (const link of doc.querySelectorAll('.nav__link')) {
    const href = link.getAttribute('href');
    const exact = link.dataset.match === 'exact' || href === '/';
    const current = exact ? path === href : path === href || path.startsWith(`${href}/`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Header and sidebar details that depend on the signed-in user. */
export function renderUserChrome(doc, user, workspacePlan) {
  slot(doc, 'workspace-name').textContent = user.company;
  const avatar = slot(doc, 'avatar');
  avatar.textContent = initials(user.name);
  avatar.title = `${user.name} (${user.email})`;
  avatar.setAttribute('role', 'img');
  avatar.setAttribute('aria-label', `Signed in as ${user.name}`);
  const plan = PLANS.find((candidate) => candidate.id === workspacePlan) ?? PLANS[0];
  replaceChildren(
    slot(doc, 'plan-badge'),
    h('p', { class: 'plan-badge' }, h('span', { class: 'plan-badge__label' }, 'Plan'), ' ', h('strong', {}, plan.name)),
    workspacePlan === 'trial' && h('a', { class: 'btn btn--primary btn--small btn--block', href: '/billing', 'data-waymark': 'upgrade-link' }, 'Upgrade'),
  );
}

/**
 * The mobile navigation drawer: the header button opens it, Escape, the scrim or choosing a link closes it.
 * Returns `{ close, dispose }`.
 */
export function setupNavDrawer(doc) {
  const toggle = doc.querySelector('.topbar__menu');
  const sidebar = doc.getElementById('sidebar');
  const scrim = slot(doc, 'scrim');
  const setOpen = (open, { restoreFocus = false } = {}) => {
    toggle.setAttribute('aria-expanded', String(open));
    sidebar.classList.toggle('sidebar--open', open);
    scrim.hidden = !open;
    if (open) sidebar.querySelector('a')?.focus();
    else if (restoreFocus) toggle.focus();
  };
  const onToggle = () => setOpen(toggle.getAttribute('aria-expanded') !== 'true');
  const onScrim = () => setOpen(false, { restoreFocus: true });
  const onKey = (event) => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') setOpen(false, { restoreFocus: true });
  };
  toggle.addEventListener('click', onToggle);
  scrim.addEventListener('click', onScrim);
  doc.addEventListener('keydown', onKey);
  return {
    close: () => setOpen(false),
    dispose() {
      toggle.removeEventListener('click', onToggle);
      scrim.removeEventListener('click', onScrim);
      doc.removeEventListener('keydown', onKey);
    },
  };
}

/**
 * The header's "Demo controls": pick the simulated user, reset the demo. A disclosure (button +
 * panel) rather than an ARIA menu, because the panel holds a radio group and a button.
 * Returns a disposer.
 */
export function setupDemoControls(doc, { currentUserId, sdkLoaded, onSwitchUser, onReset }) {
  const host = slot(doc, 'demo-controls');
  const panelId = 'demo-panel';
  const button = h(
    'button',
    { class: 'btn btn--ghost demo-controls__button', type: 'button', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-waymark': 'demo-controls-button' },
    icon('sliders'),
    h('span', { class: 'topbar__label' }, 'Demo'),
    icon('chevronDown', 'icon icon--small'),
  );
  const status = h('p', { class: 'demo-controls__status' });
  const updateStatus = () => {
    status.textContent = sdkLoaded() ? 'Waymark SDK loaded.' : 'Waymark SDK not loaded: calls are queued.';
  };
  // Buttons, not radios: arrow keys in a radio group would switch users while the viewer browses.
  const users = h(
    'div',
    { class: 'demo-controls__users', role: 'group', 'aria-labelledby': `${panelId}-users` },
    h('p', { class: 'demo-controls__legend', id: `${panelId}-users` }, 'Signed in as'),
    DEMO_USERS.map((user) =>
      h(
        'button',
        { class: 'demo-user', type: 'button', value: user.id, 'aria-pressed': String(user.id === currentUserId) },
        h('span', { class: 'demo-user__name' }, user.name),
        h('span', { class: 'demo-user__summary' }, user.summary),
      ),
    ),
  );
  const reset = h('button', { class: 'btn btn--secondary btn--block', type: 'button', 'data-waymark': 'demo-reset' }, 'Reset demo state');
  const panel = h(
    'div',
    { class: 'demo-controls__panel', id: panelId, role: 'group', 'aria-label': 'Demo controls', hidden: true },
    h('p', { class: 'demo-controls__intro' }, 'Switch the simulated user or start over. Waymark receives the same identify and reset calls a real app would send.'),
    users,
    reset,
    status,
  );
  replaceChildren(host, button, panel);

  const setOpen = (open, { restoreFocus = false } = {}) => {
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (open) {
      updateStatus();
      users.querySelector('[aria-pressed="true"]')?.focus();
    } else if (restoreFocus) {
      button.focus();
    }
  };
  const onButton = () => setOpen(panel.hidden);
  const onKey = (event) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.stopPropagation();
      setOpen(false, { restoreFocus: true });
    }
  };
  const onOutside = (event) => {
    if (!panel.hidden && event.target instanceof Node && !host.contains(event.target)) setOpen(false);
  };
  const onUserClick = (event) => {
    const choice = event.target instanceof Element ? event.target.closest('.demo-user') : null;
    if (!choice) return;
    setOpen(false, { restoreFocus: true });
    if (choice.getAttribute('aria-pressed') !== 'true') onSwitchUser(choice.value);
  };
  const onResetClick = () => {
    setOpen(false, { restoreFocus: true });
    onReset();
  };
  button.addEventListener('click', onButton);
  host.addEventListener('keydown', onKey);
  doc.addEventListener('click', onOutside);
  users.addEventListener('click', onUserClick);
  reset.addEventListener('click', onResetClick);
  return () => {
    doc.removeEventListener('click', onOutside);
    host.replaceChildren();
  };
}
