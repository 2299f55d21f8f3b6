#pragma once
// Draws every graduate of `programs` (program.cohort_size each, in program
// order, global indices 0..N-1) and writes them to `out`, encoding batches in
// parallel with oneTBB. Output is byte-identical for any thread count: each
// graduate depends only on its index (graduate_factory.hpp) and batches are
// written in index order. Memory is bounded by one batch of encoded lines.
#include <cstdint>
#include <string>
#include <vector>

#include "datagen/dataset_writer.hpp"
#include "datagen/graduate_factory.hpp"
#include "datagen/synthetic_generator.hpp"

namespace talentmatch::datagen {

struct GraduateStreamTotals {
    std::int64_t graduates = 0;
    std::int64_t skills = 0;
};

// `district_of_program[i]` is the home district of programs[i]'s institution.
GraduateStreamTotals write_graduates(const GraduateFactory& factory,
                                     const std::vector<Program>& programs,
                                     const std::vector<std::string>& district_of_program,
                                     DatasetWriter& out, const ProgressFn& progress);

}  // namespace talentmatch::datagen
