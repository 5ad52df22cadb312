// The page around the map: one dock that holds the title, the tool buttons, the open panels and the map controls.
// On a wide screen it is a column at the left; on a phone (narrower than PHONE_MAX px) a bottom sheet with three
// states (collapsed: the header only; half; full), the map keeping at least half the screen in the first two.
// The map's camera padding follows the dock (ResizeObserver), so that a step's or a stop's subject, framed with
// `cameraFor`, lies in the part of the map no panel covers; MapLibre's own controls are moved beside the dock by
// CSS variables (--inset-left, --inset-bottom).
import { AttributionControl, type Map as MapLibreMap, type PaddingOptions } from 'maplibre-gl';
import { h, on } from './dom';

export const PHONE_MAX = 699;
export type SheetState = 'collapsed' | 'half' | 'full';
const SHEET_STATES: SheetState[] = ['collapsed', 'half', 'full'];

/** Below this free width the credits fold behind MapLibre's ⓘ button (MapLibre's own threshold, for its container). */
const COMPACT_CREDITS_BELOW = 640;

/** Room kept around a framed subject beyond the dock and MapLibre's controls, px. */
const MARGIN = 16;

export interface LayoutStrings {
  showMore: string;
  showLess: string;
  hidePanel: string;
  showPanel: string;
  /** The map's credits in the interface's language. */
  credits: string[];
}

export class Layout {
  readonly dock: HTMLElement;
  /** The title row: the page's h1 goes here. */
  readonly title: HTMLElement;
  /** Where the tool buttons go (one row, scrolling sideways on a phone). */
  readonly tools: HTMLElement;
  /** Where open panels go (details, timeline, tour, tool panes, embed), above the controls. */
  readonly panels: HTMLElement;
  /** Where the map controls go (lines, areas, naming, language). */
  readonly controls: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly phone = window.matchMedia(`(max-width: ${PHONE_MAX}px)`);
  private sheet: SheetState = 'collapsed';
  private collapsed = false;
  private strings: LayoutStrings;
  private credits: { control: AttributionControl; compact: boolean } | null = null;

  constructor(
    root: HTMLElement,
    private readonly map: MapLibreMap,
    strings: LayoutStrings,
  ) {
    this.strings = strings;
    this.title = h('div', { class: 'dock-title' });
    this.toggle = h('button', { type: 'button', class: 'dock-toggle', 'data-testid': 'dock-toggle', 'aria-controls': 'dock-body' });
    on(this.toggle, 'click', () => this.onToggle());
    const handle = h('div', { class: 'sheet-handle', 'aria-hidden': 'true' });
    this.tools = h('div', { class: 'dock-tools' });
    this.panels = h('div', { class: 'dock-panels', 'data-testid': 'dock-panels' });
    this.controls = h('div', { class: 'dock-controls' });
    const body = h('div', { class: 'dock-body', id: 'dock-body' }, this.panels, this.controls);
    this.dock = h(
      'div',
      { class: 'dock', 'data-testid': 'dock' },
      handle,
      h('div', { class: 'dock-head' }, this.title, this.toggle),
      this.tools,
      body,
    );
    root.append(this.dock);
    this.dragHandle(handle);
    this.phone.addEventListener('change', () => this.update());
    new ResizeObserver(() => this.applyInsets()).observe(this.dock);
    window.addEventListener('resize', () => this.applyInsets());
    // A panel that opens (a child added to the panels) asks for room on a phone.
    new MutationObserver(() => {
      if (this.isPhone && this.sheet === 'collapsed' && this.hasOpenPanel()) this.setSheet('half');
      if (!this.isPhone && this.collapsed && this.hasOpenPanel()) this.setCollapsed(false);
    }).observe(this.panels, { subtree: true, attributes: true, attributeFilter: ['hidden'], childList: true });
    this.update();
  }

  get isPhone(): boolean {
    return this.phone.matches;
  }

  get sheetState(): SheetState {
    return this.sheet;
  }

  setStrings(strings: LayoutStrings): void {
    const credits = strings.credits.join('\n') !== this.strings.credits.join('\n');
    this.strings = strings;
    if (credits && this.credits) {
      // The credits follow the language: placed again at the next update.
      this.map.removeControl(this.credits.control);
      this.credits = null;
    }
    this.update();
  }

  private hasOpenPanel(): boolean {
    return this.panels.querySelector('.panel:not([hidden]), .tool-pane:not([hidden])') !== null;
  }

  setSheet(state: SheetState): void {
    this.sheet = state;
    this.update();
  }

  setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.update();
  }

  private onToggle(): void {
    if (this.isPhone) {
      // Collapsed → half → full → collapsed.
      this.setSheet(SHEET_STATES[(SHEET_STATES.indexOf(this.sheet) + 1) % SHEET_STATES.length] ?? 'collapsed');
    } else {
      this.setCollapsed(!this.collapsed);
    }
  }

  /** Dragging the sheet's handle up or down moves it one state that way. */
  private dragHandle(handle: HTMLElement): void {
    let startY: number | null = null;
    on(handle, 'pointerdown', (ev) => {
      startY = ev.clientY;
      handle.setPointerCapture(ev.pointerId);
    });
    on(handle, 'pointerup', (ev) => {
      if (startY === null) return;
      const dy = ev.clientY - startY;
      startY = null;
      const i = SHEET_STATES.indexOf(this.sheet);
      if (dy < -30) this.setSheet(SHEET_STATES[Math.min(i + 1, 2)] ?? 'full');
      else if (dy > 30) this.setSheet(SHEET_STATES[Math.max(i - 1, 0)] ?? 'collapsed');
    });
  }

  private update(): void {
    const phone = this.isPhone;
    document.body.dataset.layout = phone ? 'phone' : 'wide';
    this.dock.dataset.sheet = phone ? this.sheet : '';
    this.dock.dataset.collapsed = !phone && this.collapsed ? '1' : '';
    const open = phone ? this.sheet !== 'collapsed' : !this.collapsed;
    this.toggle.setAttribute('aria-expanded', String(open));
    const s = this.strings;
    this.toggle.textContent = phone ? (this.sheet === 'full' ? `▾ ${s.showLess}` : `▴ ${s.showMore}`) : open ? `« ${s.hidePanel}` : `» ${s.showPanel}`;
    this.applyInsets();
  }

  /** The part of the window the dock covers, as camera padding (px). */
  insets(): { top: number; right: number; bottom: number; left: number } {
    const r = this.dock.getBoundingClientRect();
    const w = window.innerWidth;
    const hgt = window.innerHeight;
    if (this.isPhone) return { top: 0, right: 0, bottom: Math.max(0, hgt - r.top), left: 0 };
    return { top: 0, right: 0, bottom: 0, left: Math.min(w, Math.max(0, r.right)) };
  }

  /**
   * Padding for framing a subject, beyond the map's own padding (the dock's insets, which MapLibre adds to it):
   * room for the map's zoom buttons and attribution.
   */
  framing(): PaddingOptions {
    // MapLibre's own controls, measured: the zoom buttons at the top right, the scale and credits at the bottom.
    const corner = (name: string) => this.map.getContainer().querySelector<HTMLElement>(`.maplibregl-ctrl-${name}`);
    const width = (name: string) => corner(name)?.getBoundingClientRect().width ?? 0;
    const height = (name: string) => corner(name)?.getBoundingClientRect().height ?? 0;
    const bottom = Math.max(height('bottom-left'), height('bottom-right'));
    return { top: MARGIN, right: width('top-right') + MARGIN, bottom: bottom + MARGIN, left: MARGIN };
  }

  private applyInsets(): void {
    const i = this.insets();
    const root = document.documentElement.style;
    root.setProperty('--inset-left', `${i.left}px`);
    root.setProperty('--inset-bottom', `${i.bottom}px`);
    this.map.setPadding({ top: i.top, right: i.right, bottom: i.bottom, left: i.left });
    this.placeCredits(window.innerWidth - i.left - i.right < COMPACT_CREDITS_BELOW);
  }

  /**
   * The map's credits: in full where the free part of the map is wide, folded behind MapLibre's ⓘ button where it
   * is narrow (MapLibre decides by its whole container, which the dock partly covers).
   */
  private placeCredits(compact: boolean): void {
    if (this.credits?.compact === compact) return;
    if (this.credits) this.map.removeControl(this.credits.control);
    const control = new AttributionControl({ compact, customAttribution: this.strings.credits.join(' · ') });
    this.map.addControl(control, 'bottom-right');
    this.credits = { control, compact };
    if (!compact) return;
    // MapLibre opens compact credits until the first drag; here they start folded.
    const fold = () => {
      const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
      el?.classList.remove('maplibregl-compact-show');
      el?.removeAttribute('open');
    };
    requestAnimationFrame(fold);
    this.map.once('idle', fold);
  }

  /**
   * Makes room for a panel that is about to open: a collapsed sheet goes to half, a collapsed dock opens. Done
   * before a subject is framed, so that the framing is computed for the room the panel will leave.
   */
  makeRoom(): void {
    if (this.isPhone && this.sheet === 'collapsed') this.setSheet('half');
    else if (!this.isPhone && this.collapsed) this.setCollapsed(false);
  }

  /**
   * The camera that frames `bounds` ([west, south, east, north]) in the part of the map the dock leaves free once
   * a panel is open beside it, no closer than `maxZoom`.
   */
  cameraFor(bounds: [number, number, number, number], maxZoom: number): { lng: number; lat: number; zoom: number } | null {
    this.makeRoom();
    const padding = this.framing();
    const cam = this.map.cameraForBounds(
      [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ],
      { padding, maxZoom },
    );
    if (!cam || !cam.center || cam.zoom === undefined) return null;
    const c = cam.center as { lng: number; lat: number } | [number, number];
    const [lng, lat] = Array.isArray(c) ? c : [c.lng, c.lat];
    return { lng, lat, zoom: cam.zoom };
  }
}
