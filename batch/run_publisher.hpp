#pragma once
// Atomic publication of one batch run's files under an output directory:
//
//   <out>/runs/<run>.tmp/   files are written here first, each fsynced;
//   <out>/runs/<run>/       ...then the directory is fsynced and renamed here;
//   <out>/latest            ...then a symlink to runs/<run> made under a temp
//                           name is renamed over `latest` (atomic swap).
//
// A process killed at any point (kill -9, power loss after the fsyncs) leaves
// `latest` pointing at the previous complete run, or at the new complete
// one: never at a half-written directory. Staging leftovers of killed runs
// (`*.tmp`) are swept by the next publisher.
//
// Not thread-safe: one publisher per run, used from one thread.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace talentmatch::batch {

// A file written in pieces and fsynced on close(): for result files too large
// to build in memory (a province's match lists). Not thread-safe.
class DurableFile {
  public:
    explicit DurableFile(const std::filesystem::path& path);  // creates / truncates
    ~DurableFile();                                           // closes without fsync if not closed
    DurableFile(const DurableFile&) = delete;
    DurableFile& operator=(const DurableFile&) = delete;
    void write(std::string_view bytes);
    void close();  // fsync + close; throws on error

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

class RunPublisher {
  public:
    // Creates <out>/runs/<run_name>.tmp/ (removing a stale one of that name).
    // Throws std::runtime_error with the path when the directory cannot be made,
    // or when <out>/runs/<run_name> already exists (run names are never reused).
    RunPublisher(std::filesystem::path out_dir, std::string run_name);

    const std::filesystem::path& staging_dir() const { return staging_; }

    // Writes staging_dir()/name with `bytes` and fsyncs it. Throws on I/O error.
    void write_file(const std::string& name, std::string_view bytes);
    // Opens staging_dir()/name for writing in pieces.
    DurableFile open_file(const std::string& name);

    // fsync staging dir, rename to the final name, fsync runs/, swap `latest`,
    // fsync <out>. Returns the final directory. Throws on I/O error; a failure
    // before the rename leaves only the staging directory behind.
    std::filesystem::path publish();

  private:
    std::filesystem::path out_;
    std::string name_;
    std::filesystem::path staging_;
    bool published_ = false;
};

// The directory `<out>/latest` points at, if any (resolved, must exist).
std::optional<std::filesystem::path> latest_run_dir(const std::filesystem::path& out_dir);

// Removes <out>/runs/*.tmp and stray <out>/.latest-* temp links: leftovers of
// killed runs. Never touches published runs.
void sweep_staging_leftovers(const std::filesystem::path& out_dir);

// Writes `bytes` to `path` and fsyncs the file (not the directory).
void write_file_durably(const std::filesystem::path& path, std::string_view bytes);
// fsyncs a directory, so renames and new entries in it are durable.
void fsync_directory(const std::filesystem::path& dir);

}  // namespace talentmatch::batch
