#include "datagen/tsv_table.hpp"

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace talentmatch::datagen {

namespace {
std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string::npos) {
            cells.push_back(line.substr(start));
            return cells;
        }
        cells.push_back(line.substr(start, tab - start));
        start = tab + 1;
    }
}
}  // namespace

TsvTable::TsvTable(const std::filesystem::path& file) : file_(file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (number == 1) {
            if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
            header_ = split_tabs(line);
            continue;
        }
        if (line.empty()) continue;
        auto cells = split_tabs(line);
        if (cells.size() != header_.size()) {
            throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": expected " +
                                     std::to_string(header_.size()) + " cells, got " +
                                     std::to_string(cells.size()));
        }
        rows_.push_back(std::move(cells));
    }
    if (header_.empty()) throw std::runtime_error(file.string() + ": empty file");
}

std::size_t TsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        if (header_[i] == name) return i;
    }
    throw std::runtime_error(file_.string() + ": no column \"" + std::string(name) + "\"");
}

double parse_number(const std::string& text, const std::string& where) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty()) {
        throw std::runtime_error(where + ": expected a number, got \"" + text + "\"");
    }
    return value;
}

}  // namespace talentmatch::datagen
