/**
 * Run `callback` once, on the next animation frame, or after `fallbackMs` if no frame comes first:
 * hidden tabs get no frames at all, and a tour waiting for its target there must still finish.
 * Returns a function that cancels whichever is still pending.
 */
export function nextFrame(win: Window, callback: () => void, fallbackMs = 100): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    cancel();
    callback();
  };
  const frame = win.requestAnimationFrame(run);
  const timer = win.setTimeout(run, fallbackMs);
  function cancel(): void {
    done = true;
    win.cancelAnimationFrame(frame);
    win.clearTimeout(timer);
  }
  return cancel;
}
