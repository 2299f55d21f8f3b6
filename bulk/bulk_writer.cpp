#include "bulk/bulk_writer.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "bulk/json_line.hpp"

namespace talentmatch::bulk {

namespace {
constexpr std::size_t kFlushAt = 1 << 20;
}

struct BulkWriter::Output {
    std::FILE* file = nullptr;
    std::string path;
    std::string buffer;

    void flush() {
        if (buffer.empty()) return;
        if (std::fwrite(buffer.data(), 1, buffer.size(), file) != buffer.size()) {
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        }
        buffer.clear();
    }
    ~Output() {
        if (file != nullptr) std::fclose(file);
    }
};

BulkWriter::BulkWriter(std::filesystem::path dir, WriteMode mode)
    : dir_(std::move(dir)), mode_(mode) {
    std::error_code error;
    std::filesystem::create_directories(dir_, error);
    if (error) throw std::runtime_error("cannot create " + dir_.string() + ": " + error.message());
}

BulkWriter::~BulkWriter() {
    try {
        close();
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): documented in the header
    }
}

BulkWriter::Output& BulkWriter::output(EntityKind kind) {
    auto& slot = outputs_[static_cast<std::size_t>(kind)];
    if (!slot) {
        auto out = std::make_unique<Output>();
        out->path = (dir_ / (std::string(to_string(kind)) + ".jsonl")).string();
        out->file = std::fopen(out->path.c_str(), mode_ == WriteMode::kTruncate ? "wb" : "ab");
        if (out->file == nullptr) {
            throw std::runtime_error("cannot open " + out->path + ": " + std::strerror(errno));
        }
        out->buffer.reserve(kFlushAt + 64 * 1024);
        slot = std::move(out);
    }
    return *slot;
}

std::string& BulkWriter::buffer(EntityKind kind) {
    return output(kind).buffer;
}

void BulkWriter::wrote(EntityKind kind) {
    Output& out = output(kind);
    if (out.buffer.size() >= kFlushAt) out.flush();
    ++counts_[static_cast<std::size_t>(kind)];
}

void BulkWriter::write(const Entity& value) {
    std::visit([this](const auto& entity) { write(entity); }, value);
}

std::size_t BulkWriter::count(EntityKind kind) const {
    return counts_[static_cast<std::size_t>(kind)];
}

void BulkWriter::close() {
    mode_ = WriteMode::kAppend;  // writing after close() continues the files
    for (auto& slot : outputs_) {
        if (!slot) continue;
        slot->flush();
        const bool failed = std::fclose(slot->file) != 0;
        slot->file = nullptr;
        const std::string path = slot->path;
        slot.reset();
        if (failed) throw std::runtime_error("cannot close " + path + ": " + std::strerror(errno));
    }
}

}  // namespace talentmatch::bulk
