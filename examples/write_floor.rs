//! The disk's floor for writing a built site, for `bench/run`: reads an
//! output folder into memory, then makes the same folders and files in a
//! fresh folder with nothing but `std::fs`, from as many threads as the
//! machine has cores. Prints one line of JSON: the time spent making
//! folders and files summed over threads (what `factsheet build
//! --verbose` reports as "writing files"), and the wall time.
//!
//!   cargo run --release --example write_floor -- BUILT_SITE NEW_FOLDER

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, dest] = args.as_slice() else {
        return Err("usage: write_floor BUILT_SITE NEW_FOLDER".into());
    };
    let (src, dest) = (Path::new(src), Path::new(dest));
    if dest.exists() {
        return Err(format!("{} exists: give a new folder", dest.display()).into());
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for e in walkdir::WalkDir::new(src).min_depth(1).sort_by_file_name() {
        let e = e?;
        let rel = e.path().strip_prefix(src)?.to_path_buf();
        if e.file_type().is_dir() {
            dirs.push(rel);
        } else {
            files.push((rel, std::fs::read(e.path())?));
        }
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let started = Instant::now();
    std::fs::create_dir(dest)?;
    for d in &dirs {
        std::fs::create_dir(dest.join(d))?;
    }
    let dirs_time = started.elapsed();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per = files.len().div_ceil(threads).max(1);
    let busy: Vec<Duration> = std::thread::scope(|s| {
        let workers: Vec<_> = files
            .chunks(per)
            .map(|chunk| {
                s.spawn(move || -> std::io::Result<Duration> {
                    let t = Instant::now();
                    for (rel, bytes) in chunk {
                        std::fs::File::create(dest.join(rel))?.write_all(bytes)?;
                    }
                    Ok(t.elapsed())
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|_| "a writer panicked")?
                    .map_err(|e| e.to_string())
            })
            .collect::<Result<_, _>>()
    })?;
    let wall = started.elapsed();
    let summed = dirs_time + busy.iter().sum::<Duration>();
    println!(
        "{{\"folders\": {}, \"files\": {}, \"bytes\": {bytes}, \"threads\": {threads}, \"summed_s\": {:.3}, \"wall_s\": {:.3}}}",
        dirs.len(),
        files.len(),
        summed.as_secs_f64(),
        wall.as_secs_f64()
    );
    Ok(())
}
