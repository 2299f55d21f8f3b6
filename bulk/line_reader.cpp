#include "bulk/line_reader.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace talentmatch::bulk {

namespace {
constexpr std::size_t kChunk = 1 << 20;
}

LineReader::LineReader(const std::filesystem::path& path) : path_(path.string()) {
    file_ = std::fopen(path_.c_str(), "rb");
    if (file_ == nullptr) {
        throw std::runtime_error("cannot open " + path_ + ": " + std::strerror(errno));
    }
    buffer_.resize(kChunk);
}

LineReader::~LineReader() {
    if (file_ != nullptr) std::fclose(file_);
}

bool LineReader::fill() {
    end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    pos_ = 0;
    if (end_ == 0 && std::ferror(file_)) throw std::runtime_error("cannot read " + path_);
    if (at_start_ && end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    at_start_ = false;
    return end_ > pos_;
}

bool LineReader::next(std::string_view& line) {
    carry_.clear();
    bool have_carry = false;
    for (;;) {
        if (pos_ == end_ && !fill()) {
            if (!have_carry) return false;
            line = carry_;
            break;
        }
        const char* start = buffer_.data() + pos_;
        const void* newline = std::memchr(start, '\n', end_ - pos_);
        if (newline == nullptr) {
            carry_.append(start, end_ - pos_);
            have_carry = true;
            pos_ = end_;
            continue;
        }
        const auto length = static_cast<std::size_t>(static_cast<const char*>(newline) - start);
        pos_ += length + 1;
        if (have_carry) {
            carry_.append(start, length);
            line = carry_;
        } else {
            line = std::string_view(start, length);
        }
        break;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number_;
    return true;
}

}  // namespace talentmatch::bulk
