// The `pmtiles://` protocol for the static export, whose style.json points its vector source at a .pmtiles file.
// Loaded by map.ts only for such a style: the server's style uses plain tile URLs and needs none of this.
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { CheckedRangeSource } from './range-source';

let protocol: Protocol | null = null;

/**
 * Registers the `pmtiles://` protocol once, so that the static export's style.json (whose vector source
 * points at a .pmtiles file) works, and reads each archive of the style through a `CheckedRangeSource`; the
 * server's style uses plain tile URLs and does not need either.
 */
export function registerPmtilesProtocol(style: maplibregl.StyleSpecification): void {
  if (!protocol) {
    // metadata: true hands the archive's TileJSON (attribution, layers) to MapLibre.
    protocol = new Protocol({ metadata: true });
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  for (const source of Object.values(style.sources)) {
    if (!('url' in source) || typeof source.url !== 'string' || !source.url.startsWith('pmtiles://')) continue;
    // The protocol finds an archive by its key, the URL after `pmtiles://`.
    const url = source.url.slice('pmtiles://'.length);
    if (!protocol.get(url)) protocol.add(new PMTiles(new CheckedRangeSource(url)));
  }
}

