// The "Embed" control of the app: the iframe code for the current view (with the optional auto-height script),
// ready to copy, and a link to the static image. The code follows the view while the dialog is open.
import { h, on } from './dom';
import { CARD_HEIGHT, CARD_WIDTH, EMBED_HEIGHT, embedUrl, iframeCode, imageUrl } from './embed-code';
import { t } from './i18n';
import type { AppState } from './state';
import { st } from './story-i18n';

export class EmbedDialog {
  readonly el: HTMLElement;
  private open = false;
  private opener: HTMLElement | null = null;
  private renderedFor = '';

  constructor(
    root: HTMLElement,
    private readonly getState: () => AppState,
  ) {
    this.el = h('aside', { class: 'panel story-panel embed-dialog', 'data-testid': 'embed-dialog', 'aria-labelledby': 'embed-dialog-title', hidden: true });
    root.append(this.el);
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape') return;
      ev.stopPropagation();
      this.toggle(false);
    });
  }

  toggle(open: boolean, opener?: HTMLElement): void {
    this.open = open;
    if (opener) this.opener = opener;
    this.renderedFor = '';
    this.render(this.getState());
    if (open) this.el.querySelector<HTMLElement>('textarea')?.focus();
    else {
      this.opener?.focus();
      this.opener = null;
    }
  }

  get isOpen(): boolean {
    return this.open;
  }

  render(state: AppState): void {
    if (!this.open) {
      this.el.hidden = true;
      return;
    }
    const base = location.href;
    const src = embedUrl(base, state);
    const key = `${src}/${state.lang}`;
    if (key === this.renderedFor) return;
    this.renderedFor = key;
    const s = st(state.lang);
    const code = iframeCode(src, t(state.lang).title, { height: EMBED_HEIGHT });
    const area = h('textarea', { id: 'embed-code', 'data-testid': 'embed-code', readonly: true, rows: '6', spellcheck: 'false' });
    area.value = code;
    on(area, 'focus', () => area.select());
    const status = h('span', { class: 'status', role: 'status', 'data-testid': 'embed-copy-status' });
    const copy = h('button', { type: 'button', 'data-testid': 'embed-copy' }, s.copy);
    on(copy, 'click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = s.copied;
      } catch {
        area.focus();
        area.select();
      }
    });
    const close = h('button', { type: 'button', class: 'close', 'data-testid': 'embed-close', 'aria-label': s.close }, '×');
    on(close, 'click', () => this.toggle(false));
    const hadFocus = this.el.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.testid : undefined;
    this.el.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', { id: 'embed-dialog-title' }, s.embedTitle), close),
      h('p', {}, s.embedIntro),
      h('label', { for: 'embed-code' }, s.embedCode),
      area,
      h('div', { class: 'actions' }, copy, status),
      h('p', { class: 'note' }, s.embedHeightNote),
      h(
        'p',
        {},
        h('a', { href: imageUrl(base, state, CARD_WIDTH, CARD_HEIGHT), target: '_blank', rel: 'noopener', 'data-testid': 'embed-image-link' }, s.staticImage),
        ' · ',
        h('a', { href: src, target: '_blank', rel: 'noopener', 'data-testid': 'embed-preview-link' }, '/embed'),
      ),
    );
    this.el.hidden = false;
    if (hadFocus) this.el.querySelector<HTMLElement>(`[data-testid="${hadFocus}"]`)?.focus();
  }
}
