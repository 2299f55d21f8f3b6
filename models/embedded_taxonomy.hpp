#pragma once
// The shipped name lists compiled into every binary (cmake/embed_files.cmake,
// listed in models/CMakeLists.txt): data/taxonomy/clusters.json,
// districts.json and categories.json, keyed by their path relative to the
// source tree. Immutable.
#include <string_view>
#include <vector>

namespace talentmatch::models {

struct EmbeddedFile {
    std::string_view key;
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace talentmatch::models
