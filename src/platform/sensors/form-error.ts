import type { Target } from '../../config/types.js';
import { targetResolverFor } from './click.js';
import { keysMatching, pathElements } from './match.js';
import { runSensor, truncate } from './scope.js';
import { composedParent } from '../targets/index.js';
import { resolveSensorOptions, type Disposer, type SensorContext, type SensorOptions } from './types.js';

/**
 * Form errors: native validation failing (`invalid` events, caught in the capture phase because
 * they do not bubble) and fields turning `aria-invalid="true"` (how most frameworks mark errors).
 * All fields that fail together (one submit) become one `struggle` `form-error`, with the keys
 * of the targets around them and the fields' names, never their values.
 */
export function formErrorSensor(ctx: SensorContext, targets: ReadonlyMap<string, Target>, options?: SensorOptions): Disposer {
  const { detailMaxLength } = resolveSensorOptions(options);
  return runSensor(ctx, 'form-error', (scope) => {
    const win = scope.window;
    const resolver = targetResolverFor(scope);
    const fields = new Set<Element>();
    let queued = false;

    const flush = (): void => {
      queued = false;
      if (fields.size === 0) return;
      const failed = [...fields];
      fields.clear();
      const keys = [...new Set(failed.flatMap((field) => keysMatching(withAncestors(field), targets, resolver)))];
      const names = [...new Set(failed.map(fieldName))].join(', ');
      scope.emit({ type: 'struggle', at: scope.now(), kind: 'form-error', keys, detail: truncate(`invalid: ${names}`, detailMaxLength) });
    };
    const collect = (field: Element): void => {
      fields.add(field);
      if (queued) return;
      queued = true;
      // One submit fires `invalid` once per field in one task (with microtask checkpoints between
      // listeners, so a microtask would split them): report them together after the task.
      scope.timeout(flush, 0);
    };

    scope.listen(win.document, 'invalid', (event) => {
      const field = pathElements(event)[0];
      if (field) collect(field);
    }, { capture: true });

    const observer = new win.MutationObserver(scope.guard((records: MutationRecord[]) => {
      for (const record of records) {
        const field = record.target as Element;
        if (field.getAttribute('aria-invalid') === 'true' && record.oldValue !== 'true') collect(field);
      }
    }));
    observer.observe(win.document, { subtree: true, attributes: true, attributeFilter: ['aria-invalid'], attributeOldValue: true });
    scope.add(() => observer.disconnect());
  });
}

function withAncestors(el: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = el; node; node = composedParent(node)) chain.push(node);
  return chain;
}

/** How a field is named in the detail: its name, id, label-ish attributes or tag; never its value. */
function fieldName(field: Element): string {
  return field.getAttribute('name') || field.id || field.getAttribute('aria-label') || field.localName;
}
