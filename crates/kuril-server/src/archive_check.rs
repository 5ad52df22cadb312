//! Reads a freshly written PMTiles archive back with the pmtiles crate's own reader (not our writer's code) before
//! it is published: the header (spec version, tile type, zooms, how many tiles), the directories (every sampled
//! tile is found) and the tile data (each sampled tile, decompressed, is the one written).

use std::path::Path;

use anyhow::{Context, bail, ensure};
use pmtiles::{AsyncPmTilesReader, MmapBackend, TileCoord, TileType};

use crate::export::Samples;

/// Checks the archive at `path`: `tiles` addressed tiles up to `max_zoom`, and each of `samples` stored as given.
pub fn check(path: &Path, max_zoom: u8, tiles: usize, samples: &Samples) -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("starting a runtime to read the archive")?;
    rt.block_on(async {
        let backend = MmapBackend::try_from(path).await.context("opening the archive")?;
        let reader = AsyncPmTilesReader::try_from_source(backend)
            .await
            .context("reading the archive's header and root directory")?;
        let h = reader.get_header();
        ensure!(h.spec_version() == 3, "spec version {} (expected 3)", h.spec_version());
        ensure!(
            h.tile_type == TileType::Mvt,
            "tile type {:?} (expected MVT)",
            h.tile_type
        );
        ensure!(h.max_zoom == max_zoom, "max zoom {} (expected {max_zoom})", h.max_zoom);
        let addressed = h.n_addressed_tiles().map_or(0, |n| n.get());
        ensure!(
            addressed == tiles as u64,
            "{addressed} addressed tiles (expected {tiles})"
        );
        for (id, bytes) in samples {
            let coord = TileCoord::new(id.z, id.x, id.y)?;
            match reader
                .get_tile_decompressed(coord)
                .await
                .with_context(|| format!("reading tile {id}"))?
            {
                Some(got) if got.as_ref() == bytes.as_slice() => {}
                Some(got) => bail!("tile {id}: {} bytes read back, {} written", got.len(), bytes.len()),
                None => bail!("tile {id} is missing from the archive's directories"),
            }
        }
        serde_json::from_str::<serde_json::Value>(&reader.get_metadata().await.context("reading the metadata")?)
            .context("the archive's metadata is not JSON")?;
        Ok(())
    })
}
