import { replaceChildren } from './dom.js';
import { compileRoute, startRouter } from './router.js';
import { createKeyValue, createPreferences, createWorkspace } from './demo-store.js';
import { DEMO_USERS, findDemoUser, seedWorkspace, waymarkTraits } from './demo-data.js';
import { createWaymarkBridge } from './waymark-bridge.js';
import { setupSupportChat } from './support-chat.js';
import { fillIcons, markCurrentNav, renderUserChrome, setupDemoControls, setupNavDrawer } from './shell.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderProjects } from './pages/projects.js';
import { renderProjectDetail } from './pages/project-detail.js';
import { renderIntegrations } from './pages/integrations.js';
import { renderApiKeys } from './pages/api-keys.js';
import { renderBilling } from './pages/billing.js';
import { renderTeam } from './pages/team.js';
import { LANGUAGES, renderSettings } from './pages/settings.js';
import { renderNotFound } from './pages/not-found.js';

const ROUTES = [
  compileRoute('/', renderDashboard),
  compileRoute('/projects', renderProjects),
  compileRoute('/projects/:id', renderProjectDetail),
  compileRoute('/integrations', renderIntegrations),
  compileRoute('/integrations/api-keys', renderApiKeys),
  compileRoute('/billing', renderBilling),
  compileRoute('/team', renderTeam),
  compileRoute('/settings', renderSettings),
];
const TOAST_MS = 4000;

/**
 * Start the Acme Cloud demo in `win`. Everything the app sets up is torn down by the returned disposer.
 * `?demo-user=<first name or id>` picks the simulated user (handy for links and screenshots).
 */
export function startApp(win) {
  const doc = win.document;
  const now = () => Date.now();
  const kv = createKeyValue(win);
  const bridge = createWaymarkBridge(win);
  const systemTheme = win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const prefs = createPreferences(kv, { userId: DEMO_USERS[0].id, theme: systemTheme, locale: 'en' });
  const disposers = [];

  const requested = new URL(win.location.href).searchParams.get('demo-user');
  if (requested) {
    const match = DEMO_USERS.find((user) => user.id === requested || user.name.split(' ')[0].toLowerCase() === requested.toLowerCase());
    if (match) prefs.update(() => ({ userId: match.id }));
    const clean = new URL(win.location.href);
    clean.searchParams.delete('demo-user');
    win.history.replaceState(null, '', clean.href);
  }

  const applyTheme = (theme) => {
    doc.documentElement.dataset.theme = theme;
  };
  applyTheme(prefs.get().theme);
  if (!LANGUAGES.some((language) => language.id === prefs.get().locale)) prefs.update(() => ({ locale: 'en' }));
  doc.documentElement.dir = LANGUAGES.find((language) => language.id === prefs.get().locale)?.dir ?? 'ltr';

  let session = openSession(prefs.get().userId);
  function openSession(userId) {
    const base = findDemoUser(userId);
    const workspace = createWorkspace(kv, base.id, () => seedWorkspace(base, now()));
    const user = () => {
      const profile = workspace.get().profile ?? {};
      return { ...base, name: profile.name || base.name, email: profile.email || base.email };
    };
    return { base, workspace, user };
  }
  // Account counters travel as traits, as a real app would send them from its backend: Waymark can
  // then place returning users in the right journey stage without replaying their history.
  const traits = () => {
    const data = session.workspace.get();
    return {
      ...waymarkTraits(session.user(), now()),
      plan: data.plan,
      language: prefs.get().locale,
      projects: data.projects.length,
      apiKeys: data.apiKeys.length,
      integrations: Object.keys(data.integrations).length,
      teamSize: data.members.length,
    };
  };

  // Queued before the SDK loads (the SDK module comes after this one in the page), so Waymark starts
  // with the right user and locale instead of an anonymous one.
  bridge.init({ user: { id: session.base.id, traits: traits() }, locale: prefs.get().locale });

  // ---- feedback -------------------------------------------------------------------------------
  const announcer = doc.querySelector('[data-slot="announcer"]');
  let toastTimer;
  const announce = (message) => {
    announcer.textContent = message;
    announcer.classList.add('toast', 'toast--visible');
    win.clearTimeout(toastTimer);
    toastTimer = win.setTimeout(() => announcer.classList.remove('toast--visible'), TOAST_MS);
  };
  disposers.push(() => win.clearTimeout(toastTimer));

  const chat = setupSupportChat(doc, { announce });
  disposers.push(chat.dispose, bridge.on('open-chat', (request) => chat.open(request?.message ?? '')));
  // Waymark hands over a survey answer once it can really leave the browser (an offline answer waits
  // for the network), so this is the moment to confirm it, and to forward it to your own backend.
  disposers.push(bridge.on('survey_answered', () => announce('Thanks! Your feedback reached the Acme team.')));

  // ---- shell ----------------------------------------------------------------------------------
  fillIcons(doc);
  const drawer = setupNavDrawer(doc);
  disposers.push(drawer.dispose);
  const refreshChrome = () => renderUserChrome(doc, session.user(), session.workspace.get().plan);
  refreshChrome();

  let disposeDemoControls = () => {};
  const mountDemoControls = () => {
    disposeDemoControls();
    disposeDemoControls = setupDemoControls(doc, {
      currentUserId: session.base.id,
      sdkLoaded: bridge.isLoaded,
      onSwitchUser(userId) {
        prefs.update(() => ({ userId }));
        session = openSession(userId);
        bridge.identify(session.base.id, traits());
        refreshChrome();
        mountDemoControls();
        router.refresh();
        announce(`Now signed in as ${session.user().name}.`);
      },
      onReset() {
        session.workspace.reset();
        bridge.reset();
        bridge.identify(session.base.id, traits());
        refreshChrome();
        router.refresh();
        announce(`Demo reset: ${session.user().name} starts from scratch.`);
      },
    });
  };
  mountDemoControls();
  disposers.push(() => disposeDemoControls());

  const onHelp = (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-action="open-help"]')) return;
    if (bridge.isLoaded()) bridge.openHelp();
    else announce('Help is still loading. Try again in a moment.');
  };
  doc.addEventListener('click', onHelp);
  disposers.push(() => doc.removeEventListener('click', onHelp));

  // ---- pages ----------------------------------------------------------------------------------
  const main = doc.getElementById('main');
  let disposePage = () => {};
  const renderRoute = ({ route, params, path, url }, { initial, fromHistory }) => {
    disposePage();
    drawer.close();
    const ctx = {
      win, doc, now, bridge, prefs, announce, params, path, url,
      user: session.user(),
      workspace: session.workspace,
      navigate: (to) => router.navigate(to),
      openSupportChat: chat.open,
      setTheme(theme) {
        prefs.update(() => ({ theme }));
        applyTheme(theme);
      },
      setLocale(locale) {
        prefs.update(() => ({ locale }));
        // Waymark takes its locale at start-up: reloading is the honest way to switch it.
        win.location.reload();
      },
      onPlanChanged() {
        bridge.identify(session.base.id, traits());
        refreshChrome();
      },
      onProfileChanged() {
        bridge.identify(session.base.id, traits());
        refreshChrome();
      },
    };
    const render = route ? route.page : renderNotFound;
    const page = render(ctx);
    disposePage = page.dispose ?? (() => {});
    replaceChildren(main, page.element);
    doc.title = `${page.title} · Acme Cloud`;
    markCurrentNav(doc, path);
    if (!initial) {
      if (!fromHistory) win.scrollTo(0, 0);
      main.querySelector('h1')?.focus({ preventScroll: fromHistory });
    }
  };
  const router = startRouter({ window: win, routes: ROUTES, onRoute: renderRoute });
  disposers.push(router.dispose, () => disposePage());

  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}

