// Compare: two scenarios side by side. The page's map shows the left scenario; a second MapLibre map laid over
// it shows the right one, clipped to the right of a divider; the two cameras follow each other. The divider is
// dragged with the pointer or moved with the arrow keys (role=separator with a value). What is compared is in
// the state (`compare=left,right`); the divider's position is not (it is where the reader left it).
import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { applyState, applyTheme, setupLayers } from './apply';
import { h, on } from './dom';
import { t } from './i18n';
import { mainMapState, sideState } from './compare-state';
import type { AppState, LineId } from './state';

export { mainMapState, sideState };

declare global {
  interface Window {
    /** The right-hand map while comparing, for browser tests. */
    __compareMap?: MapLibreMap;
  }
}

/** The divider's next position (a fraction of the width) after a key, or null when the key does not move it. */
export function dividerAfterKey(fraction: number, key: string, shift: boolean): number | null {
  const step = shift ? 0.1 : 0.02;
  let next: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      next = fraction - step;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      next = fraction + step;
      break;
    case 'PageDown':
      next = fraction - 0.1;
      break;
    case 'PageUp':
      next = fraction + 0.1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = 1;
      break;
    default:
      return null;
  }
  return Math.min(1, Math.max(0, Math.round(next * 1000) / 1000));
}

export interface CompareOptions {
  map: MapLibreMap;
  style: StyleSpecification;
  dark: () => boolean;
  /** Accessible name of the divider, and of the two sides' labels. */
  labels: () => { divider: string; left: string; right: string; lineName: (id: LineId) => string };
  /** Called once the right-hand map has its style (to add the reader's overlay there too). */
  onRightReady?: (map: MapLibreMap) => void;
  /** Called just before the right-hand map is removed. */
  onRightClosing?: (map: MapLibreMap) => void;
}

/** The second map, the divider and the camera sync; `update` opens, refreshes or closes it for a state. */
export class CompareView {
  private right: MapLibreMap | null = null;
  private layer: HTMLElement | null = null;
  private divider: HTMLElement | null = null;
  private leftLabel: HTMLElement | null = null;
  private rightLabel: HTMLElement | null = null;
  private fraction = 0.5;
  private syncing = false;
  private rightReady = false;
  private state: AppState | null = null;
  private readonly onMainMove = () => this.follow(this.opts.map, this.right);
  private readonly onResize = () => this.place();

  constructor(private readonly opts: CompareOptions) {}

  get active(): boolean {
    return this.right !== null;
  }

  /** The right-hand map once its style has loaded, else null. */
  get rightMap(): MapLibreMap | null {
    return this.rightReady ? this.right : null;
  }

  update(state: AppState): void {
    this.state = state;
    if (!state.compare) {
      this.close();
      return;
    }
    if (!this.right) this.open();
    if (this.right && this.rightReady) applyState(this.right, sideState(state, 1));
    this.label();
  }

  /** Dark mode changed. */
  theme(): void {
    if (this.right && this.rightReady) applyTheme(this.right, this.opts.dark());
  }

  private follow(from: MapLibreMap | null, to: MapLibreMap | null): void {
    if (!from || !to || this.syncing) return;
    this.syncing = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    this.syncing = false;
  }

  private open(): void {
    const main = this.opts.map;
    const host = main.getContainer();
    const controls = host.querySelector('.maplibregl-control-container');
    const layer = h('div', { class: 'compare-right', 'data-testid': 'compare-right', 'aria-hidden': 'true' });
    const divider = h('div', {
      class: 'compare-divider',
      role: 'separator',
      tabindex: '0',
      'aria-orientation': 'vertical',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'data-testid': 'compare-divider',
    });
    divider.append(h('span', { class: 'compare-handle', 'aria-hidden': 'true' }));
    const leftLabel = h('div', { class: 'compare-label compare-label-left', 'data-testid': 'compare-label-left' });
    const rightLabel = h('div', { class: 'compare-label compare-label-right', 'data-testid': 'compare-label-right' });
    for (const el of [layer, divider, leftLabel, rightLabel]) host.insertBefore(el, controls);
    this.layer = layer;
    this.divider = divider;
    this.leftLabel = leftLabel;
    this.rightLabel = rightLabel;

    const right = new maplibregl.Map({
      container: layer,
      style: structuredClone(this.opts.style),
      center: main.getCenter(),
      zoom: main.getZoom(),
      bearing: main.getBearing(),
      pitch: main.getPitch(),
      fadeDuration: 0,
      attributionControl: false,
      keyboard: false,
      localIdeographFontFamily: false,
    });
    // Keyboard users move the page's map (the cameras follow each other); this one stays out of the tab order.
    right.getCanvas().setAttribute('tabindex', '-1');
    this.right = right;
    this.rightReady = false;
    window.__compareMap = right;
    delete document.body.dataset.compareIdle;
    right.once('style.load', () => {
      if (this.right !== right) return;
      setupLayers(right);
      applyTheme(right, this.opts.dark());
      this.rightReady = true;
      if (this.state) applyState(right, sideState(this.state, 1));
      this.opts.onRightReady?.(right);
    });
    right.once('idle', () => {
      if (this.right === right) document.body.dataset.compareIdle = '1';
    });
    right.on('move', () => this.follow(right, this.opts.map));
    main.on('move', this.onMainMove);
    window.addEventListener('resize', this.onResize);

    on(divider, 'keydown', (ev) => {
      const next = dividerAfterKey(this.fraction, ev.key, ev.shiftKey);
      if (next === null) return;
      ev.preventDefault();
      this.fraction = next;
      this.place();
    });
    on(divider, 'pointerdown', (ev) => {
      ev.preventDefault();
      divider.setPointerCapture(ev.pointerId);
      divider.focus();
      const move = (e: PointerEvent) => {
        const box = host.getBoundingClientRect();
        this.fraction = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
        this.place();
      };
      const up = () => {
        divider.removeEventListener('pointermove', move);
        divider.removeEventListener('pointerup', up);
        divider.removeEventListener('pointercancel', up);
      };
      divider.addEventListener('pointermove', move);
      divider.addEventListener('pointerup', up);
      divider.addEventListener('pointercancel', up);
    });
    this.place();
  }

  private close(): void {
    if (!this.right) return;
    this.opts.map.off('move', this.onMainMove);
    window.removeEventListener('resize', this.onResize);
    this.opts.onRightClosing?.(this.right);
    this.right.remove();
    this.right = null;
    this.rightReady = false;
    delete window.__compareMap;
    delete document.body.dataset.compareIdle;
    for (const el of [this.layer, this.divider, this.leftLabel, this.rightLabel]) el?.remove();
    this.layer = this.divider = this.leftLabel = this.rightLabel = null;
  }

  /** Puts the divider, the clip of the right map and the labels where `fraction` says. */
  private place(): void {
    if (!this.layer || !this.divider) return;
    const width = this.opts.map.getContainer().clientWidth;
    const x = Math.round(this.fraction * width);
    this.layer.style.clipPath = `inset(0 0 0 ${x}px)`;
    this.divider.style.left = `${x}px`;
    const pct = Math.round(this.fraction * 100);
    this.divider.setAttribute('aria-valuenow', String(pct));
    this.divider.setAttribute('aria-valuetext', `${pct}%`);
    this.divider.dataset.x = String(x);
    if (this.leftLabel) this.leftLabel.style.right = `${width - x + 8}px`;
    if (this.rightLabel) this.rightLabel.style.left = `${x + 8}px`;
  }

  private label(): void {
    const compare = this.state?.compare;
    if (!compare || !this.divider) return;
    const l = this.opts.labels();
    this.divider.setAttribute('aria-label', l.divider);
    const { labelValue } = t(this.state?.lang ?? 'en');
    if (this.leftLabel) this.leftLabel.textContent = labelValue(l.left, l.lineName(compare[0]));
    if (this.rightLabel) this.rightLabel.textContent = labelValue(l.right, l.lineName(compare[1]));
  }
}
