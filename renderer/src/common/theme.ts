/**
 * The theme is always written on <html data-theme="light|dark">, resolving "system" from
 * the OS setting (and following it when it changes), so the stylesheets need one dark
 * block each instead of a second copy inside a media query.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(choice: ThemeChoice): () => void {
  const apply = () => {
    document.documentElement.dataset.theme = choice === 'system' ? (media().matches ? 'dark' : 'light') : choice;
  };
  apply();
  if (choice !== 'system') return () => undefined;
  const query = media();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
