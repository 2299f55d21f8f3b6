#pragma once
// The bulk readers take a file path: TempFile writes the fuzz input to a
// per-process file under $TMPDIR (default /tmp), reused across inputs and
// removed at exit.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

namespace talentmatch::fuzz {

class TempFile {
  public:
    explicit TempFile(const std::string& name) {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::filesystem::path(dir && *dir ? dir : "/tmp") /
                ("talentmatch-fuzz-" + std::to_string(::getpid()) + "-" + name);
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    const std::filesystem::path& write(std::string_view bytes) {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (!f) std::abort();
        if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
            std::abort();
        }
        std::fclose(f);
        return path_;
    }

  private:
    std::filesystem::path path_;
};

}  // namespace talentmatch::fuzz
