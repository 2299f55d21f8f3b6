#include "datagen/dataset_writer.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "models/entity_kind.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::datagen {

namespace fs = std::filesystem;

namespace {
// The file stems, one per kind in models/entity_kind.hpp's order.
std::string kind_name(std::size_t i) {
    return std::string(to_string(static_cast<EntityKind>(i)));
}
constexpr std::size_t kBufferBytes = 1 << 20;
}  // namespace

DatasetWriter::DatasetWriter(fs::path dir) : dir_(std::move(dir)) {
    fs::create_directories(dir_);
    fs::remove(dir_ / ".complete");
    for (int i = 0; i < kFiles; ++i) {
        const fs::path path = dir_ / (kind_name(i) + ".jsonl");
        files_[i] = std::fopen(path.c_str(), "wb");
        if (files_[i] == nullptr) {
            for (int j = 0; j < i; ++j) std::fclose(files_[j]);
            throw std::runtime_error("cannot create " + path.string());
        }
        std::setvbuf(files_[i], nullptr, _IOFBF, kBufferBytes);
    }
}

DatasetWriter::~DatasetWriter() {
    for (auto* f : files_) {
        if (f != nullptr) std::fclose(f);
    }
}

void DatasetWriter::write_line(int file, const std::string& line) {
    std::FILE* f = files_[file];
    if (f == nullptr) throw std::logic_error("DatasetWriter: write after finish()");
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size() || std::fputc('\n', f) == EOF) {
        throw std::runtime_error("write failed: " + (dir_ / kind_name(file)).string() + ".jsonl");
    }
    ++counts_[file];
}

void DatasetWriter::write_graduate_line(const std::string& json_line) {
    write_line(static_cast<int>(EntityKind::kGraduates), json_line);
}

std::size_t DatasetWriter::count(const std::string& name) const {
    if (const auto kind = parse_entity_kind(name)) return counts_[std::size_t(*kind)];
    throw std::invalid_argument("DatasetWriter::count: unknown file " + name);
}

void DatasetWriter::finish() {
    for (int i = 0; i < kFiles; ++i) {
        if (files_[i] == nullptr) continue;
        const int rc = std::fclose(files_[i]);
        files_[i] = nullptr;
        if (rc != 0) throw std::runtime_error("cannot close " + (dir_ / kind_name(i)).string());
    }
    std::FILE* marker = std::fopen((dir_ / ".complete").c_str(), "wb");
    if (marker == nullptr || std::fclose(marker) != 0) {
        throw std::runtime_error("cannot create " + (dir_ / ".complete").string());
    }
}

}  // namespace talentmatch::datagen
