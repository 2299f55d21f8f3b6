#include "batch/run_publisher.hpp"
#include "runfmt/run_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace talentmatch::batch {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
    throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

DurableFile::DurableFile(const fs::path& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create", path);
}

DurableFile::~DurableFile() {
    if (fd_ >= 0) ::close(fd_);
}

void DurableFile::write(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write", path_);
        }
        done += static_cast<std::size_t>(n);
    }
}

void DurableFile::close() {
    if (fd_ < 0) return;
    const int fd = fd_;
    fd_ = -1;
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("cannot fsync", path_);
    }
    if (::close(fd) != 0) fail("cannot close", path_);
}

void write_file_durably(const fs::path& path, std::string_view bytes) {
    DurableFile file(path);
    file.write(bytes);
    file.close();
}

void fsync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open directory", dir);
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("cannot fsync directory", dir);
    }
    ::close(fd);
}

RunPublisher::RunPublisher(fs::path out_dir, std::string run_name)
    : out_(std::move(out_dir)), name_(std::move(run_name)) {
    if (name_.empty() || name_.find('/') != std::string::npos || ends_with(name_, ".tmp")) {
        throw std::runtime_error("bad run name \"" + name_ + "\"");
    }
    const fs::path runs = out_ / runfmt::kRunsDir;
    std::error_code ec;
    fs::create_directories(runs, ec);
    if (ec) throw std::runtime_error("cannot create " + runs.string() + ": " + ec.message());
    if (fs::exists(runs / name_)) {
        throw std::runtime_error("run directory already exists: " + (runs / name_).string());
    }
    staging_ = runs / (name_ + ".tmp");
    fs::remove_all(staging_, ec);
    fs::create_directory(staging_, ec);
    if (ec) throw std::runtime_error("cannot create " + staging_.string() + ": " + ec.message());
}

void RunPublisher::write_file(const std::string& name, std::string_view bytes) {
    if (published_) throw std::logic_error("RunPublisher::write_file after publish");
    write_file_durably(staging_ / name, bytes);
}

DurableFile RunPublisher::open_file(const std::string& name) {
    if (published_) throw std::logic_error("RunPublisher::open_file after publish");
    return DurableFile(staging_ / name);
}

fs::path RunPublisher::publish() {
    if (published_) throw std::logic_error("RunPublisher::publish twice");
    const fs::path runs = out_ / runfmt::kRunsDir;
    const fs::path final_dir = runs / name_;
    fsync_directory(staging_);
    if (::rename(staging_.c_str(), final_dir.c_str()) != 0) fail("cannot rename to", final_dir);
    fsync_directory(runs);

    const fs::path temp_link = out_ / (".latest-" + std::to_string(::getpid()));
    ::unlink(temp_link.c_str());
    const std::string target = std::string(runfmt::kRunsDir) + "/" + name_;
    if (::symlink(target.c_str(), temp_link.c_str()) != 0) fail("cannot create symlink", temp_link);
    const fs::path latest = out_ / runfmt::kLatestLink;
    if (::rename(temp_link.c_str(), latest.c_str()) != 0) fail("cannot rename symlink to", latest);
    fsync_directory(out_);
    published_ = true;
    return final_dir;
}

std::optional<fs::path> latest_run_dir(const fs::path& out_dir) {
    std::error_code ec;
    const fs::path latest = out_dir / runfmt::kLatestLink;
    if (!fs::is_symlink(fs::symlink_status(latest, ec))) return std::nullopt;
    const fs::path resolved = fs::canonical(latest, ec);
    if (ec || !fs::is_directory(resolved, ec)) return std::nullopt;
    return resolved;
}

void sweep_staging_leftovers(const fs::path& out_dir) {
    std::error_code ec;
    const fs::path runs = out_dir / runfmt::kRunsDir;
    if (fs::is_directory(runs, ec)) {
        for (const auto& entry : fs::directory_iterator(runs, ec)) {
            if (ends_with(entry.path().filename().string(), ".tmp"))
                fs::remove_all(entry.path(), ec);
        }
    }
    if (fs::is_directory(out_dir, ec)) {
        for (const auto& entry : fs::directory_iterator(out_dir, ec)) {
            if (entry.path().filename().string().rfind(".latest-", 0) == 0)
                fs::remove(entry.path(), ec);
        }
    }
}

}  // namespace talentmatch::batch
