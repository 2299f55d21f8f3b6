#pragma once
// Test helper for the batch tests: a file's whole content as bytes, to
// compare run outputs and to grep them ("" when the file cannot be read).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace talentmatch::batch::testing {

inline std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace talentmatch::batch::testing
