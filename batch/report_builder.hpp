#pragma once
// Stage 9b: the numbers report.html shows, taken from a run's results, with
// every name in both languages (skills from the taxonomy, clusters and
// categories from the shipped lists: models/place_names.hpp; programs and
// institutions as stored).
//   shortages   overall skills labelled shortage at their bottleneck level,
//               largest shortfall (demand − supply) first, then ratio, id; 15;
//   heatmap     clusters × the 14 skill categories with the most demand;
//   programs    every program, by own-cluster aligned share (then mean
//               coverage, id).
#include <cstdint>

#include "batch/batch_results.hpp"
#include "batch/report_data.hpp"

namespace talentmatch::batch {

ReportData build_report_data(const BatchResults& results, std::int64_t run_id);

}  // namespace talentmatch::batch
