import { useMemo, useState } from 'react';
import type { WaymarkConfig, WaymarkOptions } from 'waymark';
import json from '../waymark.config.json';
import { WaymarkProvider } from './waymark.js';
import { Workspace, type User } from './Workspace.js';

// JSON widens its strings (`type: string`): say it is a Waymark config; Waymark validates it when it loads.
const config = json as WaymarkConfig;

const ADA: User = { id: 'ada', name: 'Ada Lovelace' };

/** Signed in, the workspace and its Waymark instance are mounted; signing out unmounts (and destroys) both. */
export function App() {
  const [user, setUser] = useState<User | null>(ADA);
  // Stable per user: a new object would re-create the instance on every render.
  const options = useMemo<WaymarkOptions | null>(
    () => (user ? { config, user: { id: user.id, traits: { plan: 'trial' } }, helpLauncher: false } : null),
    [user],
  );
  if (!user || !options) {
    return (
      <main id="main" className="signed-out">
        <h1>You are signed out</h1>
        <p className="muted">The workspace unmounted and its Waymark instance was destroyed with it.</p>
        <button type="button" className="button primary" onClick={() => setUser(ADA)}>Sign in as {ADA.name}</button>
      </main>
    );
  }
  return (
    <WaymarkProvider options={options}>
      <Workspace user={user} onSignOut={() => setUser(null)} />
    </WaymarkProvider>
  );
}
