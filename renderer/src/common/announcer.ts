/** A polite live region: highlights carry no semantics, so changes are also spoken. */
let region: HTMLElement | null = null;

export function announce(message: string): void {
  // Off the key path: after the next frame. Clearing first makes a repeated message
  // ("Tagged as claim" twice) be read again.
  requestAnimationFrame(() => {
    region ??= document.getElementById('announcer');
    if (!region) return;
    region.textContent = '';
    setTimeout(() => {
      if (region) region.textContent = message;
    }, 0);
  });
}
