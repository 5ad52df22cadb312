// URLs and HTML for embedding a view elsewhere: the /embed page's query, the static image, the oEmbed endpoint
// and the iframe code (with the host page's auto-height snippet). Pure: no DOM, no map (unit-tested in test/).
import { encodeState, type AppState } from './state';

/** The message the embed page posts to its parent whenever its height changes. */
export const HEIGHT_MESSAGE = 'kuril-embed:height';

/**
 * Default size of an embed: the oEmbed default, the embed page's own height at that width (its picture, key, title
 * and credits; `embed_height` in crates/kuril-server/src/routes/embed.rs, which a server test keeps equal).
 */
export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 592;
/** Social card image size (Open Graph, Twitter summary_large_image). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Fields of a permalink that describe the view (not which panel or tour is open). */
const VIEW_FIELDS = ['map', 'lines', 'areas', 'naming', 'lang'];
/** The subset the static image understands (the language decides its romanisations and its key). */
const IMAGE_FIELDS = ['map', 'lines', 'areas', 'naming', 'lang'];

function fields(state: AppState, keep: string[]): string {
  return encodeState(state)
    .slice(1)
    .split('&')
    .filter((part) => keep.includes(part.slice(0, part.indexOf('='))))
    .join('&');
}

/** The query string (no '?') of the /embed page for a state: the permalink's view fields. */
export function embedQuery(state: AppState): string {
  return fields(state, VIEW_FIELDS);
}

/** Absolute URL of the /embed page for a state; `base` is the app's URL (its path's folder is the service root). */
export function embedUrl(base: string, state: AppState): string {
  return new URL(`embed?${embedQuery(state)}`, base).href;
}

/** Absolute URL of the static PNG (or SVG) of a state at a size. */
export function imageUrl(base: string, state: AppState, width: number, height: number, format: 'png' | 'svg' = 'png'): string {
  const w = Math.round(Math.min(Math.max(width, 1), 2048));
  const hgt = Math.round(Math.min(Math.max(height, 1), 2048));
  return new URL(`image.${format}?${fields(state, IMAGE_FIELDS)}&width=${w}&height=${hgt}`, base).href;
}

/** The oEmbed endpoint's URL for a page of this service (the app with its #hash, or an /embed URL). */
export function oembedUrl(base: string, pageUrl: string, opts: { maxwidth?: number; maxheight?: number } = {}): string {
  const u = new URL('oembed', base);
  u.searchParams.set('url', pageUrl);
  if (opts.maxwidth !== undefined) u.searchParams.set('maxwidth', String(Math.round(opts.maxwidth)));
  if (opts.maxheight !== undefined) u.searchParams.set('maxheight', String(Math.round(opts.maxheight)));
  u.searchParams.set('format', 'json');
  return u.href;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The code a host page pastes: a responsive iframe and, with `autoHeight`, a small script that resizes it when
 * the embed page posts its height (`{type: 'kuril-embed:height', height}`), accepting messages only from the
 * embed's origin and only for the iframe that sent them.
 */
export function iframeCode(src: string, title: string, opts: { height?: number; autoHeight?: boolean } = {}): string {
  const height = Math.round(opts.height ?? EMBED_HEIGHT);
  const iframe =
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="fullscreen" data-kuril-embed></iframe>`;
  if (opts.autoHeight === false) return iframe;
  const origin = new URL(src).origin;
  const script =
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||` +
    `e.data.type!==${JSON.stringify(HEIGHT_MESSAGE)})return;document.querySelectorAll("iframe[data-kuril-embed]")` +
    `.forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.min(Math.max(+e.data.height||0,150),4000)+"px"})})</script>`;
  return `${iframe}\n${script}`;
}
