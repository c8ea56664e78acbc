/** A polite live region: highlights carry no semantics, so changes are also spoken. */
let region: HTMLElement | null = null;

export function announce(message: string): void {
  region ??= document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeated message ("Tagged as claim" twice) be read again.
  region.textContent = '';
  requestAnimationFrame(() => {
    if (region) region.textContent = message;
  });
}
