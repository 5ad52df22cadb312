//! The `kuril` command: command-line views of the model (and, in time, the map server).

mod stats;

use clap::{Parser, Subcommand};
use kuril_model::Model;

#[derive(Debug, Parser)]
#[command(name = "kuril", version, about = "Maps and measures of the Kuril Islands dispute")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Islands with computed and published areas, strait widths, and each scenario's line.
    Stats,
    /// Geodesic distance between two named places (ids from geodata/places.geojson).
    Distance { from: String, to: String },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let model = Model::embedded()?;
    match cli.command {
        Command::Stats => print!("{}", stats::report(&model)?),
        Command::Distance { from, to } => {
            let m = model.distance_between_places(&from, &to)?;
            println!("{from} → {to}: {:.3} km (geodesic, WGS 84)", m / 1e3);
        }
    }
    Ok(())
}
