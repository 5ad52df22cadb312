//! The method texts the documents carry next to their figures (the details are in docs/geometry.md). The
//! translation tables have each as `method:<name>:/text` ([`METHODS`]).

/// How each line was computed, in one sentence (the details are in docs/geometry.md).
pub const LINE_METHOD: &str = "Equidistance (median) line between the shorelines the scenario gives to Japan and to \
     Russia (GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap): Voronoi edges between shoreline \
     points 200 m apart in an azimuthal equidistant plane on WGS 84, clipped to the analysis window, checked with \
     geodesic distances.";

/// How strait widths were measured.
pub const STRAIT_WIDTH_METHOD: &str = "minimum geodesic distance (WGS 84) between the two coasts' shorelines (GSHHG; \
     the Habomai islets from OpenStreetMap) inside the strait's search area";

/// How island areas were measured.
pub const AREA_METHOD: &str = "geodesic area (WGS 84) inside the shoreline, lakes included as the official (GSI) \
     figures count them (inland_water: the lakes' part, which the published polygons leave out as holes): GSHHG \
     2.3.7 full resolution; the Habomai islets from OpenStreetMap";

/// How a historical line was computed (the details are in docs/geometry.md).
pub const HISTORICAL_LINE_METHOD: &str = "The treaty named the islands on each side (and, in 1905, the 50th parallel on \
     Sakhalin); where the line runs at sea it is computed like the other lines — equidistance between the shorelines \
     the treaty gave each side (GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap), Voronoi edges \
     between shoreline points 200 m apart in an azimuthal equidistant plane centred on each of the scenario's own \
     analysis windows — and on land it is the parallel. The treaties drew no maritime boundary: the line at sea \
     illustrates which waters lay between whose coasts, it is not a treaty line.";

/// How the maritime figures were computed, to be shown next to them.
pub const ZONES_METHOD: &str = "Inside the analysis window 143–151.5°E, 42–47°N. Territorial sea: sea within 12 nautical \
     miles of a side's shoreline; EEZ-like: 12–200 nautical miles; both cut by the scenario's equidistance line. \
     Normal baselines from the shoreline data only (GSHHG; the Habomai islets from OpenStreetMap; no straight \
     baselines, no low-tide elevations); every islet generates zones; buffers in an azimuthal equidistant plane on \
     shorelines simplified to 100 m (12 nm) and 1 km (200 nm); geodesic areas. An illustration of the scenarios' \
     consequences, not a legal delimitation.";

/// [`ZONES_METHOD`] for a scenario with analysis windows of its own (a historical line).
pub const ZONES_OWN_WINDOWS_METHOD: &str = "Inside the scenario's own analysis windows (its analysis_windows). \
     Territorial sea: sea within 12 nautical miles of a side's shoreline; EEZ-like: 12–200 nautical miles; both cut \
     by the scenario's equidistance line. Normal baselines from the shoreline data only (GSHHG; the Habomai islets \
     from OpenStreetMap; no straight baselines, no low-tide elevations); every islet generates zones; buffers in an \
     azimuthal equidistant plane on shorelines simplified to 100 m (12 nm) and 1 km (200 nm); geodesic areas. An \
     illustration of the scenarios' consequences, not a legal delimitation.";

/// What the land per side of a scenario counts.
pub const LAND_METHOD: &str = "the four disputed islands with their islets, geodesic area (WGS 84) inside the \
     shoreline, lakes included as the official (GSI) figures count them (inland_water: the lakes' part, which the \
     published polygons leave out as holes): GSHHG 2.3.7 full resolution; the Habomai islets from OpenStreetMap";

/// How the equal-area scenario cuts its island.
pub const SPLIT_EQUAL_AREA_METHOD: &str = "a straight cut across the island, perpendicular to its long axis, placed by \
     bisection so that each side holds half of the four islands' land (with islets)";

/// How a historical scenario cuts an island along a parallel.
pub const SPLIT_PARALLEL_METHOD: &str =
    "the island's shoreline cut along the parallel (a straight line in longitude and latitude)";

/// Every method text the documents carry, by name: the translation tables have them as `method:<name>:/text`, and
/// [`crate::i18n::localize`] puts them in the reader's language wherever a document carries one.
pub const METHODS: [(&str, &str); 9] = [
    ("line", LINE_METHOD),
    ("historical-line", HISTORICAL_LINE_METHOD),
    ("strait-width", STRAIT_WIDTH_METHOD),
    ("area", AREA_METHOD),
    ("land", LAND_METHOD),
    ("zones", ZONES_METHOD),
    ("zones-own-windows", ZONES_OWN_WINDOWS_METHOD),
    ("split-equal-area", SPLIT_EQUAL_AREA_METHOD),
    ("split-parallel", SPLIT_PARALLEL_METHOD),
];
