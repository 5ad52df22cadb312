//! Render a view to a file: `cargo run -p kuril-render --example render -- "map=6/44.3/146.5&width=1200" out.png`
//! (the extension chooses PNG or SVG).

use kuril_render::Renderer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(query), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: render QUERY OUT.png|OUT.svg".into());
    };
    let model = kuril_model::Model::embedded()?;
    let renderer = Renderer::new(&model)?;
    let view = renderer.parse(&query)?;
    let start = std::time::Instant::now();
    let bytes = if out.ends_with(".svg") {
        renderer.svg(&view).into_bytes()
    } else {
        renderer.png(&view)?
    };
    eprintln!("{} bytes in {:?}", bytes.len(), start.elapsed());
    std::fs::write(out, bytes)?;
    Ok(())
}
