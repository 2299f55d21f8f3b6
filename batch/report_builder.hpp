#pragma once
// Stage 9b: the numbers report.html shows, taken from a run's results.
//   shortages   overall skills labelled shortage at their bottleneck level,
//               largest shortfall (demand − supply) first, then ratio, id; 15;
//   heatmap     clusters × the 14 skill categories with the most demand;
//   alignment   programs by own-cluster aligned share (then mean coverage,
//               id): the best 15 and the worst 10 when there are more than 25.
#include "batch/batch_results.hpp"
#include "batch/report_data.hpp"

namespace talentmatch::batch {

ReportData build_report_data(const BatchResults& results);

}  // namespace talentmatch::batch
