// The overlay's size limit and error codes: kept apart from overlay.ts (which brings the KML parser) so that the
// first view's strings (tools-i18n.ts) do not pull the parser in; the overlay itself is loaded on demand.

/** Files larger than this are refused before they are read (documented in docs/frontend.md). */
export const OVERLAY_MAX_BYTES = 10 * 1024 * 1024;

export type OverlayErrorCode = 'too-large' | 'empty' | 'invalid-json' | 'not-geojson' | 'not-lnglat' | 'invalid-kml' | 'unsupported';
