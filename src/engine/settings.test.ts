import { describe, expect, it } from 'vitest';
import type { Experience, WaymarkConfig } from '../config/types.js';
import { hostLayers, resourceCenterView } from './settings.js';

const checklist: Experience = { id: 'setup', type: 'checklist', title: 'Setup', items: [{ id: 'a', title: 'A' }] };
const tour: Experience = { id: 'welcome', type: 'tour', steps: [{ title: 'Hi' }] };
const news: Experience = { id: 'news', type: 'announcement', display: 'banner', title: 'New' };
const article = { id: 'import', title: 'Import', url: '/help/import' };
const config = (more: Partial<WaymarkConfig> = {}): WaymarkConfig => ({ version: '1', experiences: [], ...more });

describe('resourceCenterView', () => {
  it('is off for a config with nothing to hold, on with a checklist or any help', () => {
    expect(resourceCenterView(config({ experiences: [tour] })).enabled).toBe(false);
    expect(resourceCenterView(config({ experiences: [checklist] })).enabled).toBe(true);
    expect(resourceCenterView(config({ articles: [article] })).enabled).toBe(true);
    expect(resourceCenterView(config({ chat: { provider: 'crisp' } })).enabled).toBe(true);
    expect(resourceCenterView(config({ chat: { provider: 'none' } })).enabled).toBe(false);
    expect(resourceCenterView(config({ experiences: [{ ...checklist, enabled: false }] })).enabled).toBe(false);
    expect(resourceCenterView(config({ experiences: [checklist], resourceCenter: { enabled: false } })).enabled).toBe(false);
  });

  it('shows each part that has content and is not turned off', () => {
    const full = config({ experiences: [checklist, tour, news], articles: [article], chat: { provider: 'crisp' } });
    expect(resourceCenterView(full)).toEqual({
      enabled: true,
      position: 'bottom-end',
      checklist: true,
      help: { search: true, suggested: true, contact: true },
      guides: true,
      announcements: true,
    });
    expect(resourceCenterView({ ...full, resourceCenter: { position: 'top-start', title: 'Help', checklist: false, help: { contact: false }, guides: false, announcements: false } })).toEqual({
      enabled: true,
      position: 'top-start',
      title: 'Help',
      checklist: false,
      help: { search: true, suggested: true, contact: false },
      guides: false,
      announcements: false,
    });
    expect(resourceCenterView({ ...full, resourceCenter: { help: false } }).help).toEqual({ search: false, suggested: false, contact: false });
    // Nothing to put in a part: off even when asked for.
    expect(resourceCenterView(config({ experiences: [checklist], resourceCenter: { guides: true, help: true } }))).toMatchObject({ guides: false, help: { search: false, suggested: false, contact: false } });
    expect(resourceCenterView(config({ search: { provider: 'json', url: '/api/search' } })).help).toEqual({ search: true, suggested: false, contact: false });
  });
});

describe('hostLayers', () => {
  it('always watches open dialogs and aria-modal layers, then the host\'s own; main defaults to the landmark', () => {
    expect(hostLayers(config())).toEqual({ overlays: ['dialog[open]', '[aria-modal="true"]'], main: 'main, [role="main"]' });
    expect(hostLayers(config({ host: { overlays: ['.drawer.is-open', 'dialog[open]'], main: '#app' } }))).toEqual({
      overlays: ['dialog[open]', '[aria-modal="true"]', '.drawer.is-open'],
      main: '#app',
    });
  });
});
