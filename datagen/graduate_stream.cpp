#include "datagen/graduate_stream.hpp"

#include <algorithm>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>
#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"

namespace talentmatch::datagen {

namespace {
constexpr std::int64_t kBatch = 8192;
constexpr std::int64_t kProgressEvery = 100000;
}  // namespace

GraduateStreamTotals write_graduates(const GraduateFactory& factory,
                                     const std::vector<Program>& programs,
                                     const std::vector<std::string>& district_of_program,
                                     DatasetWriter& out, const ProgressFn& progress) {
    // first_index[p] = global index of program p's first graduate.
    std::vector<std::int64_t> first_index(programs.size() + 1, 0);
    for (std::size_t p = 0; p < programs.size(); ++p) {
        first_index[p + 1] = first_index[p] + programs[p].cohort_size;
    }
    const std::int64_t total = first_index.back();
    GraduateStreamTotals totals;
    std::vector<std::string> lines(static_cast<std::size_t>(std::min(total, kBatch)));
    std::vector<std::int64_t> skills(lines.size());
    for (std::int64_t begin = 0; begin < total; begin += kBatch) {
        const std::int64_t end = std::min(total, begin + kBatch);
        tbb::parallel_for(tbb::blocked_range<std::int64_t>(begin, end, 256),
                          [&](const tbb::blocked_range<std::int64_t>& range) {
                              for (std::int64_t i = range.begin(); i < range.end(); ++i) {
                                  const auto p = static_cast<std::size_t>(
                                      std::upper_bound(first_index.begin(), first_index.end(), i) -
                                      first_index.begin() - 1);
                                  const Graduate g =
                                      factory.draw(programs[p], district_of_program[p], i);
                                  const auto slot = static_cast<std::size_t>(i - begin);
                                  skills[slot] = static_cast<std::int64_t>(g.skills.size());
                                  lines[slot] = encode(g).dump();
                              }
                          });
        for (std::int64_t i = begin; i < end; ++i) {
            const auto slot = static_cast<std::size_t>(i - begin);
            out.write_graduate_line(lines[slot]);
            totals.skills += skills[slot];
        }
        totals.graduates += end - begin;
        if (progress && (end / kProgressEvery != begin / kProgressEvery || end == total)) {
            progress("graduates", end, total);
        }
    }
    return totals;
}

}  // namespace talentmatch::datagen
