// Printing and images of the current view. A WebGL canvas prints blank, so before printing (the Print button or
// the browser's own command) the part of the map that no panel covers is copied into an <img>, with a key of the
// lines and areas it shows; the print stylesheet (style.css) prints that, the title and the open panels' text, and
// no controls. The same snapshot is offered as a PNG download where there is no server to draw one.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { claimLayer, lineLayer } from './apply';
import { h } from './dom';
import { t } from './i18n';
import type { Layout } from './layout';
import { ALL_LINE_IDS, lineVisible, type AppState } from './state';
import { fillSwatch, lineSwatch } from './swatch';

export class PrintView {
  readonly el: HTMLElement;
  private readonly image: HTMLImageElement;
  private readonly key: HTMLElement;
  private readonly heading: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly map: MapLibreMap,
    private readonly layout: Layout,
    private readonly getState: () => AppState,
  ) {
    this.heading = h('h1', {});
    this.image = h('img', { class: 'print-map', 'data-testid': 'print-map', alt: '' });
    this.key = h('ul', { class: 'plain print-key', 'data-testid': 'print-key' });
    this.el = h('section', { class: 'print-view', 'data-testid': 'print-view', 'aria-hidden': 'true' }, this.heading, this.image, this.key);
    root.prepend(this.el);
    window.addEventListener('beforeprint', () => this.prepare());
  }

  /** The visible part of the map as a PNG data URL (drawn now, so that the canvas holds the current frame). */
  snapshot(): { url: string; width: number; height: number } {
    this.map.redraw();
    const canvas = this.map.getCanvas();
    const ratio = canvas.width / Math.max(1, canvas.clientWidth);
    const i = this.layout.insets();
    const width = Math.max(1, canvas.clientWidth - i.left - i.right);
    const height = Math.max(1, canvas.clientHeight - i.top - i.bottom);
    const out = document.createElement('canvas');
    out.width = Math.round(width * ratio);
    out.height = Math.round(height * ratio);
    out.getContext('2d')?.drawImage(canvas, i.left * ratio, i.top * ratio, out.width, out.height, 0, 0, out.width, out.height);
    return { url: out.toDataURL('image/png'), width, height };
  }

  /** Fills the print view: the title, the snapshot and the key of what it shows. */
  prepare(): void {
    const state = this.getState();
    const s = t(state.lang);
    this.heading.textContent = s.title;
    const shot = this.snapshot();
    this.image.src = shot.url;
    this.image.alt = document.getElementById('map-description')?.textContent?.trim() ?? s.title;
    const rows: HTMLElement[] = ALL_LINE_IDS.filter((id) => lineVisible(state, id)).map((id) =>
      h('li', {}, lineSwatch(this.map, lineLayer(id)), h('span', {}, s.line[id])),
    );
    if (state.areas) {
      const areas = state.areas;
      for (const side of ['japan', 'russia'] as const) {
        rows.push(h('li', {}, fillSwatch(this.map, claimLayer(areas, side)), h('span', {}, `${s[side]} (${s.line[areas]})`)));
      }
    }
    this.key.replaceChildren(...rows);
  }

  /** Prepares the view and opens the browser's print dialog once the snapshot has loaded. */
  async print(): Promise<void> {
    this.prepare();
    await this.image.decode().catch(() => undefined);
    window.print();
  }
}
