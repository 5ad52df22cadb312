// The analyst tools bar (compare, statistics, downloads, your file, measure): its buttons are part of the first
// view, the tools themselves (tools.ts and what it brings) are loaded on demand. `ToolBar` draws the same buttons
// as `Tools` until the tools arrive and take its element over, so nothing moves when they do.
import { h, on } from './dom';
import type { Lang } from './state';
import { toolNames, type ToolNames } from './tool-names-i18n';

export const TOOL_IDS = ['compare', 'stats', 'downloads', 'overlay', 'measure'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** The bar's element (its content comes from `toolBarContent`). */
export function toolBarSection(): HTMLElement {
  return h('section', { class: 'tools', 'data-testid': 'tools', 'aria-labelledby': 'tools-title' });
}

/**
 * The bar's heading and one button per tool, `open`'s expanded. `controls`: the buttons name their panes
 * (`aria-controls`), which exist only once the tools are loaded.
 */
export function toolBarContent(s: ToolNames, open: ToolId | null, onClick: (id: ToolId) => void, controls: boolean): Node[] {
  const buttons = TOOL_IDS.map((id) => {
    const b = h(
      'button',
      { type: 'button', 'data-testid': `tool:${id}`, 'aria-expanded': String(open === id), ...(controls ? { 'aria-controls': `pane-${id}` } : {}) },
      s[id],
    );
    on(b, 'click', () => onClick(id));
    return b;
  });
  return [h('h2', { id: 'tools-title', class: 'visually-hidden' }, s.tools), h('div', { class: 'tool-buttons' }, buttons)];
}

/** The tools' elements: the bar, and the box their panes go in. */
export interface ToolElements {
  bar: HTMLElement;
  panes: HTMLElement;
}

/** The box of the tools' panes (one at a time shown). */
export function toolPanesBox(): HTMLElement {
  return h('div', { class: 'tool-panes' });
}

/**
 * The bar before the tools are loaded: a click asks for them (`onOpen`). It also places the (empty) box of their
 * panes, whose margin would otherwise move what follows it in the dock when the tools arrive.
 */
export class ToolBar {
  private readonly el = toolBarSection();
  private readonly panes = toolPanesBox();
  private lang: Lang | null = null;
  private taken = false;

  constructor(
    slots: { tools: HTMLElement; panels: HTMLElement },
    private readonly onOpen: (id: ToolId) => void,
  ) {
    slots.tools.append(this.el);
    slots.panels.append(this.panes);
  }

  render(lang: Lang): void {
    if (this.taken || this.lang === lang) return;
    this.lang = lang;
    this.el.replaceChildren(...toolBarContent(toolNames(lang), null, this.onOpen, false));
  }

  /** Hands the elements to the loaded tools, which draw into them from then on. */
  take(): ToolElements {
    this.taken = true;
    return { bar: this.el, panes: this.panes };
  }
}
