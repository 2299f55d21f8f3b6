#pragma once
// Files compiled into the binary (cmake/embed_files.cmake, listed in
// api/CMakeLists.txt): the web app under web/, so `serve` needs no file
// beside it and no network. Keys are paths relative to the source tree
// ("web/index.html").
#include <optional>
#include <string_view>
#include <vector>

namespace talentmatch::api {

struct EmbeddedFile {
    std::string_view key;
    std::string_view bytes;
};

// Every embedded file, in the order listed at build time. Immutable.
const std::vector<EmbeddedFile>& embedded_files();

// The bytes of `key`, or nullopt.
inline std::optional<std::string_view> embedded_file(std::string_view key) {
    for (const auto& f : embedded_files()) {
        if (f.key == key) return f.bytes;
    }
    return std::nullopt;
}

}  // namespace talentmatch::api
