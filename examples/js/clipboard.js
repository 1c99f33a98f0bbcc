/** Copy text; resolves true on success. Falls back to selecting an input so the user can copy by hand. */
export async function copyText(win, text, fallbackInput) {
  try {
    await win.navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallbackInput?.focus();
    fallbackInput?.select();
    return false;
  }
}
