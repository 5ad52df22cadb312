// Entry point of the /embed page (dist/embed.js): small on purpose. The page (rendered by the server,
// crates/kuril-server/src/routes/embed.rs) shows a static image with its text alternative; this script tells the
// host page its height (postMessage, for auto-height iframes) and loads the interactive map (embed-map.js, with
// MapLibre) only when the reader asks for it, or when the frame becomes visible with `?load=visible`.
import { HEIGHT_MESSAGE } from './embed-code';

declare global {
  interface Window {
    /** Resolves once the interactive map has loaded (for browser tests). */
    __embedLoaded?: Promise<void>;
  }
}

function postHeight(): void {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  // The height is not a secret: any host may read it.
  window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
}

function start(): void {
  const button = document.getElementById('embed-load') as HTMLButtonElement | null;
  const container = document.getElementById('embed-map');
  const figure = document.getElementById('embed-figure');
  const image = document.getElementById('embed-image') as HTMLImageElement | null;
  if (!button || !container || !figure || !image) return;
  // The button covers the picture; its label is the visible part.
  const label = button.querySelector<HTMLElement>('.embed-load-label') ?? button;

  new ResizeObserver(postHeight).observe(document.body);
  image.addEventListener('load', postHeight);
  postHeight();

  let loading: Promise<void> | undefined;
  const load = (focus: boolean): Promise<void> => {
    if (loading) return loading;
    button.disabled = true;
    // The page gives the labels in its language (routes/embed_texts.rs).
    label.textContent = button.dataset.loading ?? '…';
    const url = new URL('embed-map.js', import.meta.url).href;
    loading = (import(url) as Promise<typeof import('./embed-map')>)
      .then((mod) => mod.mountEmbedMap({ container, image, description: document.getElementById('embed-description') }))
      .then(() => {
        button.remove();
        document.body.dataset.interactive = '1';
        if (focus) container.querySelector<HTMLElement>('canvas')?.focus();
      })
      .catch((err: unknown) => {
        loading = undefined;
        button.disabled = false;
        label.textContent = button.dataset.failed ?? '×';
        console.warn(err);
      });
    window.__embedLoaded = loading;
    return loading;
  };
  // A button: click, Enter and Space all arrive as a click.
  button.addEventListener('click', () => void load(true));

  if (document.body.dataset.load === 'visible' && 'IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        void load(false);
      }
    });
    observer.observe(figure);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
