#pragma once
// Stage 9a: every result as CSV (and JSON for all but the per-pair match
// lists, which are CSV only: at a province's size they are ~10M rows), plus
// summary.json. All bytes depend on the data and the settings only (no
// clock, no thread count, no run id), so a re-run on unchanged data writes
// identical files. The file list and columns are in batch/README.md.
#include <string>

#include <nlohmann/json.hpp>

#include "batch/batch_results.hpp"
#include "batch/run_publisher.hpp"

namespace talentmatch::batch {

// Writes every result file into the publisher's staging directory.
void write_result_files(const BatchResults& results, RunPublisher& publisher);

// summary.json's content (deterministic).
nlohmann::json summary_json(const BatchResults& results);

}  // namespace talentmatch::batch
