/// <reference types="node" />
/**
 * `waymark validate --page`: every element target in a config (tour steps, hints, beacons,
 * nudge tips, element and struggle conditions, advance-on elements) checked against real pages.
 * An HTML file is parsed with happy-dom; a page served on localhost is rendered by Chromium
 * (puppeteer-core). Both are loaded lazily, so the plain validator needs neither.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../config/types.js';
import type { IssuePath } from '../config/issues.js';
import { attachDeclarativeShadowRoots, countTargets, type TargetCount } from './page-probe.js';

/** One place in the config that names an element. */
export interface TargetUse {
  path: IssuePath;
  target: Target;
  /** The experience shows at this one element (so several matches are worth a note). */
  anchors: boolean;
}

/** A page, opened and ready to count targets. */
export interface OpenedPage {
  /** As given on the command line, shortened for messages. */
  name: string;
  count(targets: readonly Target[]): Promise<TargetCount[]>;
  close(): Promise<void>;
}

export type PageResult = { ok: true; page: OpenedPage } | { ok: false; message: string };

export interface PageFinding {
  path: IssuePath;
  severity: 'warning' | 'note';
  code: 'target-not-found' | 'target-ambiguous' | 'invalid-target';
  message: string;
}

// ---- targets in a config ---------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function asTarget(value: unknown): Target | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (!isObject(value)) return undefined;
  if (typeof value.selector === 'string' && value.selector.trim() !== '') return { selector: value.selector };
  if (typeof value.anchor === 'string' && value.anchor !== '') return { anchor: value.anchor };
  if (typeof value.text === 'string' && value.text.trim() !== '') {
    return { text: value.text, ...(typeof value.role === 'string' ? { role: value.role } : {}), ...(typeof value.within === 'string' ? { within: value.within } : {}) };
  }
  return undefined;
}

/**
 * Every target in a parsed (not necessarily valid) config document, with its path in that
 * document, so positions point into the file as written. Malformed parts are skipped: the
 * validator already reports them.
 */
export function collectTargets(doc: unknown): TargetUse[] {
  const found: TargetUse[] = [];
  const add = (value: unknown, path: IssuePath, anchors: boolean): void => {
    const target = asTarget(value);
    if (target !== undefined) found.push({ path, target, anchors });
  };
  const condition = (value: unknown, path: IssuePath, depth = 0): void => {
    if (!isObject(value) || depth > 64) return;
    for (const kind of ['all', 'any'] as const) list(value[kind]).forEach((item, i) => condition(item, [...path, kind, i], depth + 1));
    if ('not' in value) condition(value.not, [...path, 'not'], depth + 1);
    // "absent" is about an element that is expected to be missing at times: no page proves it wrong.
    if ('element' in value && value.state !== 'absent') add(value.element, [...path, 'element'], false);
    if ('struggle' in value && 'on' in value) add(value.on, [...path, 'on'], false);
  };
  if (!isObject(doc)) return found;
  list(doc.stages).forEach((stage, i) => isObject(stage) && condition(stage.enterWhen, ['stages', i, 'enterWhen']));
  list(doc.experiences).forEach((experience, i) => {
    if (!isObject(experience)) return;
    const at: IssuePath = ['experiences', i];
    condition(experience.when, [...at, 'when']);
    if (experience.type === 'hint' || experience.type === 'beacon') add(experience.target, [...at, 'target'], true);
    list(experience.steps).forEach((step, j) => {
      if (!isObject(step)) return;
      add(step.target, [...at, 'steps', j, 'target'], true);
      if (isObject(step.advanceOn)) add(step.advanceOn.element, [...at, 'steps', j, 'advanceOn', 'element'], false);
    });
    list(experience.items).forEach((item, j) => isObject(item) && condition(item.doneWhen, [...at, 'items', j, 'doneWhen']));
    list(experience.escalation).forEach((level, j) => isObject(level) && add(level.target, [...at, 'escalation', j, 'target'], true));
  });
  return found;
}

// ---- what the pages say ----------------------------------------------------------------------

/** One finding per target that matches nothing on any page, is invalid, or (for an anchoring target) matches several elements. */
export function pageFindings(uses: readonly TargetUse[], pages: ReadonlyArray<{ name: string; counts: readonly TargetCount[] }>): PageFinding[] {
  const findings: PageFinding[] = [];
  uses.forEach((use, index) => {
    const shown = `target ${JSON.stringify(use.target)}`;
    const counts = pages.map((page) => ({ name: page.name, ...page.counts[index]! }));
    const invalid = counts.find((c) => c.invalid !== undefined);
    if (invalid) {
      findings.push({ path: use.path, severity: 'warning', code: 'invalid-target', message: `${shown}: ${invalid.invalid}` });
      return;
    }
    if (counts.every((c) => c.count === 0)) {
      findings.push({ path: use.path, severity: 'warning', code: 'target-not-found', message: `${shown} matches no element on ${listNames(pages.map((p) => p.name))}` });
      return;
    }
    if (!use.anchors) return;
    for (const c of counts) {
      if (c.count > 1) findings.push({ path: use.path, severity: 'note', code: 'target-ambiguous', message: `${shown} matches ${c.count} elements on ${c.name}; the first visible one is used` });
    }
  });
  return findings;
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

// ---- opening pages ---------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OpenPageOptions {
  readFile(path: string): Promise<string>;
  /** Chromium to drive for http(s) pages (default: $CHROME_PATH or /usr/bin/chromium). */
  chromiumPath?: string;
}

/** Opens an HTML file or a page served on localhost. Problems come back as data, never thrown. */
export async function openPage(spec: string, options: OpenPageOptions): Promise<PageResult> {
  if (/^https?:\/\//i.test(spec)) {
    let url: URL;
    try {
      url = new URL(spec);
    } catch {
      return { ok: false, message: `--page ${spec}: not a valid URL` };
    }
    if (!LOCAL_HOSTS.has(url.hostname) && !url.hostname.endsWith('.localhost')) {
      return { ok: false, message: `--page ${spec}: only pages served on localhost are checked (got host ${url.hostname})` };
    }
    return openInChromium(url, options.chromiumPath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium');
  }
  return openHtmlFile(spec, options);
}

/**
 * What `--page` needs beyond the validator, by kind of page: optional peer dependencies (package.json), named
 * together so one install fixes it. The README gives the same commands (a test keeps them equal).
 */
export const PAGE_PACKAGES = { htmlFile: ['happy-dom'], servedPage: ['puppeteer-core', 'esbuild'] } as const;
const install = (packages: readonly string[]): string => `npm install --save-dev ${packages.join(' ')}`;
const SERVED_PAGE_NEEDS = `the ${PAGE_PACKAGES.servedPage.join(' and ')} packages: ${install(PAGE_PACKAGES.servedPage)}`;

async function openHtmlFile(file: string, options: OpenPageOptions): Promise<PageResult> {
  let html: string;
  try {
    html = await options.readFile(file);
  } catch (error) {
    return { ok: false, message: `--page ${file}: cannot read the file (${errorMessage(error)})` };
  }
  let happyDom: typeof import('happy-dom');
  try {
    happyDom = await import('happy-dom');
  } catch {
    return { ok: false, message: `--page with an HTML file needs the ${PAGE_PACKAGES.htmlFile[0]} package: ${install(PAGE_PACKAGES.htmlFile)}` };
  }
  // The page's scripts, styles and frames are never loaded or run: only its markup is read.
  const window = new happyDom.Window({
    url: 'http://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const doc = window.document as unknown as Document;
  doc.write(html);
  attachDeclarativeShadowRoots(doc);
  return {
    ok: true,
    page: {
      name: basename(file),
      count: async (targets) => countTargets(targets, doc),
      close: async () => {
        await window.happyDOM.close();
      },
    },
  };
}

async function openInChromium(url: URL, executablePath: string): Promise<PageResult> {
  let puppeteer: typeof import('puppeteer-core');
  try {
    puppeteer = await import('puppeteer-core');
  } catch {
    return { ok: false, message: `--page ${url.href} needs ${SERVED_PAGE_NEEDS}` };
  }
  if (!existsSync(executablePath)) {
    return { ok: false, message: `--page ${url.href} needs Chromium at ${executablePath} (install it, e.g. apt-get install chromium, or set CHROME_PATH)` };
  }
  const probe = await probeScript();
  if (!probe.ok) return { ok: false, message: `--page ${url.href}: ${probe.message}` };
  let browser: Awaited<ReturnType<typeof puppeteer.launch>>;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    return { ok: false, message: `--page ${url.href}: cannot start Chromium at ${executablePath} (${errorMessage(error)})` };
  }
  try {
    const tab = await browser.newPage();
    const response = await tab.goto(url.href, { waitUntil: 'networkidle2', timeout: 30_000 });
    if (response && !response.ok()) throw new Error(`HTTP ${response.status()}`);
    return {
      ok: true,
      page: {
        name: url.href,
        count: (targets) => tab.evaluate(`${probe.script}\n${PROBE_GLOBAL}.countTargets(${JSON.stringify(targets)}, document)`) as Promise<TargetCount[]>,
        close: () => browser.close(),
      },
    };
  } catch (error) {
    await browser.close();
    return { ok: false, message: `--page ${url.href}: cannot load the page (${errorMessage(error)})` };
  }
}

const PROBE_GLOBAL = '__waymarkPageProbe';

/** The probe (and the SDK's resolver it uses) as one script for the page, built with esbuild. */
async function probeScript(): Promise<{ ok: true; script: string } | { ok: false; message: string }> {
  const entry = ['./page-probe.ts', './page-probe.js'].map((name) => fileURLToPath(new URL(name, import.meta.url))).find((path) => existsSync(path));
  if (!entry) return { ok: false, message: 'the page probe module is missing from this installation' };
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return { ok: false, message: `checking a served page needs ${SERVED_PAGE_NEEDS}` };
  }
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: PROBE_GLOBAL, platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return { ok: true, script: result.outputFiles[0]!.text };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
