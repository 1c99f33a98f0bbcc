import { computed, defineComponent, h, ref } from 'vue';
import type { WaymarkConfig, WaymarkOptions } from 'waymark';
import json from '../waymark.config.json';
import { WaymarkScope } from './waymark.js';
import { Workspace, type User } from './Workspace.js';

// JSON widens its strings (`type: string`): say it is a Waymark config; Waymark validates it when it loads.
const config = json as WaymarkConfig;

const ADA: User = { id: 'ada', name: 'Ada Lovelace' };

/** Signed in, the workspace and its Waymark instance are mounted; signing out unmounts (and destroys) both. */
export const App = defineComponent({
  name: 'App',
  setup() {
    const user = ref<User | null>(ADA);
    // One options object per user: the scope is keyed on the user, so a new user gets a new instance.
    const options = computed<WaymarkOptions | null>(() =>
      user.value ? { config, user: { id: user.value.id, traits: { plan: 'trial' } }, helpLauncher: false } : null,
    );
    return () => {
      const current = user.value;
      if (!current || !options.value) {
        return h('main', { id: 'main', class: 'signed-out' }, [
          h('h1', 'You are signed out'),
          h('p', { class: 'muted' }, 'The workspace unmounted and its Waymark instance was destroyed with it.'),
          h('button', { type: 'button', class: 'button primary', onClick: () => (user.value = ADA) }, `Sign in as ${ADA.name}`),
        ]);
      }
      return h(WaymarkScope, { key: current.id, options: options.value }, () =>
        h(Workspace, { user: current, onSignOut: () => (user.value = null) }),
      );
    };
  },
});
