/**
 * Custom Elements Manifest for Waymark's components: `cem analyze --config custom-elements-manifest.config.mjs`
 * (run by `npm run build`) writes dist/custom-elements.json, which ships in the package
 * (`"customElements"` in package.json) for editors, Storybook and framework wrappers.
 *
 * Everything in it comes from the components' own JSDoc (`@summary`, `@fires`, `@attr`, `@csspart`,
 * `@cssprop`) and their Lit properties. The plugin below only adapts the analyzer's output to how
 * Waymark is built:
 * - tags are registered through the guarded `defineElement(registry, 'wm-…', Class)` (src/ui/shared/define.ts),
 *   which the analyzer does not know: those calls become `custom-element-definition` exports and tag names;
 * - only the public surface is kept: element classes, their registering modules and the event classes
 *   (no private members, no internal helper modules);
 * - paths point at the shipped JavaScript (`dist/lib/ui/…/*.js`), not at the TypeScript sources;
 * - the markup-only children `<wm-step>` and `<wm-task>` (read by src/ui/declarative.ts, never registered)
 *   are declared from the JSDoc (`@tag`, `@summary`, `@slot`, `@attr`) on the functions that compile them,
 *   so editors and the framework typings know their attributes too.
 * tests/unit/manifest.test.ts checks the result against the sources.
 */
import { existsSync } from 'node:fs';

export default {
  globs: ['src/ui/**/*.ts'],
  exclude: ['src/ui/**/*.test.ts', 'src/ui/**/test-support.ts', 'src/ui/**/screenshots/**'],
  outdir: 'dist',
  litelement: true,
  // Never let the analyzer rewrite package.json: "customElements" is set there by hand.
  packagejson: false,
  plugins: [waymarkManifest()],
};

/** Source path → the module the package ships (rollup's preserveModules output under dist/lib). */
function shippedPath(path) {
  return path.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');
}

function waymarkManifest() {
  /** Tag definitions found in registering modules: { module, tag, className }. */
  const definitions = [];
  /** Markup-only elements found in JSDoc: { module, declaration }. */
  const markup = [];
  return {
    name: 'waymark-manifest',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isFunctionDeclaration(node)) {
        // Kept aside: the analyzer drops declarations of functions the module does not export.
        const declaration = markupElement(node);
        if (declaration) markup.push({ module: moduleDoc.path, declaration });
        return;
      }
      // defineElement(customElements, 'wm-tour', WmTour)
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [, tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      definitions.push({ module: moduleDoc.path, tag: tag.text, className: klass.text });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const classModule = new Map();
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind === 'class') classModule.set(declaration.name, { mod, declaration });
        }
      }
      const keep = new Set();
      for (const { module, declaration } of markup) {
        const mod = modules.find((candidate) => candidate.path === module);
        if (!mod || !existsSync(shippedPath(module))) continue;
        mod.declarations = [...(mod.declarations ?? []), declaration];
        keep.add(mod.path);
      }
      for (const { module, tag, className } of definitions) {
        const found = classModule.get(className);
        const defining = modules.find((mod) => mod.path === module);
        // Only registering modules the package ships (the build has written dist/lib by now).
        if (!found || !defining || !existsSync(shippedPath(module))) continue;
        found.declaration.tagName = tag;
        found.declaration.customElement = true;
        defining.exports = [
          ...(defining.exports ?? []).filter((entry) => entry.name !== tag),
          { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: found.mod.path } },
        ];
        keep.add(found.mod.path).add(defining.path);
      }
      // The event classes the elements dispatch, named in their `@fires {Type}` tags.
      const eventTypes = new Set();
      // Our own base classes the elements extend (their inherited members point there).
      const baseClasses = new Set();
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          // The analyzer also lists `dispatchEvent(new SomeEvent(…))` calls it could not name: the
          // documented `@fires` entry for that type already says it.
          declaration.events = (declaration.events ?? []).filter((event) => event.name);
          for (const event of declaration.events) if (event.type?.text) eventTypes.add(event.type.text);
          const base = declaration.superclass && classModule.get(declaration.superclass.name);
          if (base && declaration.superclass.module) {
            keep.add(base.mod.path);
            baseClasses.add(base.declaration.name);
            // A base class is not an element of its own: no tag, no events.
            delete base.declaration.customElement;
            delete base.declaration.events;
            declaration.superclass = { name: base.declaration.name, module: base.mod.path };
            base.declaration.members = (base.declaration.members ?? []).filter((member) => member.privacy !== 'private' && member.privacy !== 'protected');
          }
          declaration.members = (declaration.members ?? []).filter(
            (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#'),
          );
        }
      }
      for (const type of eventTypes) {
        const found = classModule.get(type);
        if (found) keep.add(found.mod.path);
      }
      customElementsManifest.modules = modules.filter((mod) => keep.has(mod.path));
      for (const mod of customElementsManifest.modules) {
        const exported = new Set((mod.exports ?? []).filter((entry) => entry.kind === 'js').map((entry) => entry.declaration?.name));
        const registers = mod.exports?.some((entry) => entry.kind === 'custom-element-definition');
        mod.declarations = (mod.declarations ?? []).filter(
          (declaration) =>
            declaration.customElement || eventTypes.has(declaration.name) || baseClasses.has(declaration.name) || (registers && exported.has(declaration.name)),
        );
      }
      // A built-in superclass (`Event`) is a global, not something declared in the module.
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations) {
          const superclass = declaration.superclass;
          if (superclass?.module === mod.path && !mod.declarations.some((other) => other.name === superclass.name)) {
            declaration.superclass = { name: superclass.name, package: 'global:' };
          }
        }
      }
      // Point every reference at the shipped files.
      const fix = (value) => {
        if (Array.isArray(value)) value.forEach(fix);
        else if (value && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) {
            if ((key === 'path' || key === 'module') && typeof inner === 'string' && inner.startsWith('src/')) value[key] = shippedPath(inner);
            else fix(inner);
          }
        }
      };
      fix(customElementsManifest.modules);
    },
  };
}

/**
 * A markup-only element (`<wm-step>`, `<wm-task>`) from the JSDoc on the function that compiles it:
 * a block with `@tag` gives a custom-element declaration with its summary, description, slots and
 * attributes. Null for any other function.
 */
function markupElement(node) {
  const comment = node.jsDoc?.at(-1)?.getText();
  if (!comment || !/@tag\s/.test(comment)) return null;
  const lines = comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''));
  const firstTag = lines.findIndex((line) => line.startsWith('@'));
  const description = lines.slice(0, firstTag).join('\n').trim();
  const declaration = { kind: 'class', description, name: '', tagName: '', customElement: true, attributes: [], slots: [], members: [], events: [] };
  for (const line of lines.slice(firstTag)) {
    let match;
    if ((match = /^@tag\s+(\S+)/.exec(line))) declaration.tagName = match[1];
    else if ((match = /^@summary\s+(.+)/.exec(line))) declaration.summary = match[1].trim();
    else if ((match = /^@slot\s+(?:(\S+)\s+)?-\s+(.+)/.exec(line))) declaration.slots.push({ name: match[1] ?? '', description: match[2].trim() });
    else if ((match = /^@attr\s+\{([^}]+)\}\s+(\S+)\s+-\s+(.+)/.exec(line))) {
      declaration.attributes.push({ name: match[2], type: { text: match[1] }, description: match[3].trim() });
    }
  }
  // No class exists: the name says which tag the declaration stands for.
  declaration.name = declaration.tagName.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase()) + 'Markup';
  return declaration;
}
