// Erasure reaching every file the product wrote (store, WAL, old run folders,
// the next run and its diff), and run history that marks a batch killed with
// SIGKILL as interrupted at the next start. Both drive the real binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "tests/batch/file_text.hpp"

namespace talentmatch::batch {
namespace {
namespace fs = std::filesystem;

int run_command(const std::string& cmd) {
    return std::system((cmd + " >/dev/null 2>&1").c_str());
}

using testing::file_text;

// Every regular file under `dir` (symlinks not followed) holding `needle`.
std::vector<std::string> files_holding(const fs::path& dir, const std::string& needle) {
    std::vector<std::string> hits;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && !entry.is_symlink() &&
            file_text(entry.path()).find(needle) != std::string::npos)
            hits.push_back(entry.path().string());
    }
    return hits;
}

class ErasureAndHistory : public ::testing::Test {
  protected:
    fs::path root, data_dir, out, db;
    std::string bin = TALENTMATCH_BIN;
    void SetUp() override {
        root = fs::temp_directory_path() /
               ("tm_erasure_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root);
        data_dir = root / "store";
        out = root / "out";
        fs::create_directories(data_dir);
        db = data_dir / "t.db";
        ASSERT_EQ(
            run_command(bin + " generate --preset tiny --seed 7 --out " + (root / "data").string()),
            0);
        ASSERT_EQ(run_command(bin + " import --db " + db.string() + " " + (root / "data").string()),
                  0);
        fs::remove_all(root / "data");  // the input files are not the product's
    }
    void TearDown() override { fs::remove_all(root); }
    int batch() {
        return run_command(bin + " batch --db " + db.string() + " --out " + out.string());
    }
};

TEST_F(ErasureAndHistory, AnErasedGraduateIsInNoFileOfTheStoreOrOfAnyRun) {
    ASSERT_EQ(batch(), 0);
    ASSERT_EQ(batch(), 0);
    const std::string id = "g-0000003";
    ASSERT_FALSE(files_holding(out, id).empty());  // the check can see it when present
    {
        store::Store store(db.string());
        ASSERT_TRUE(store.remove<Graduate>(id));
    }
    ASSERT_EQ(batch(), 0);
    EXPECT_EQ(files_holding(out, id), std::vector<std::string>{});
    EXPECT_EQ(files_holding(data_dir, id), std::vector<std::string>{});
    // ...and nothing is left to do: the pending list is empty.
    store::Store store(db.string());
    EXPECT_TRUE(store.pending_erasure_hashes().empty());
}

TEST_F(ErasureAndHistory, ABatchKilledWithSigkillIsMarkedInterruptedAtTheNextStart) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::execl(bin.c_str(), bin.c_str(), "batch", "--db", db.c_str(), "--out", out.c_str(),
                "--threads", "1", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait until the child's run is in the history, then kill it.
    bool started = false;
    for (int i = 0; i < 2000 && !started; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        try {
            store::Store store(db.string());
            started = !store.list_batch_runs(1).empty();
        } catch (const store::StoreError&) {
        }
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(started);
    store::Store store(db.string());
    const auto killed = store.list_batch_runs(1).front();
    if (killed.status == store::RunStatus::kSucceeded) GTEST_SKIP() << "the run finished first";
    ASSERT_EQ(killed.status, store::RunStatus::kRunning);
    ASSERT_EQ(batch(), 0);
    const auto after = store.get_batch_run(killed.id);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, store::RunStatus::kFailed);
    EXPECT_EQ(after->error.rfind("interrupted", 0), 0u) << after->error;
}

TEST_F(ErasureAndHistory, ARunOfALiveProcessIsNotMarkedInterrupted) {
    store::Store store(db.string());
    const auto id = store.create_batch_run(out.string());  // this process: alive
    EXPECT_TRUE(store.mark_interrupted_runs().empty());
    EXPECT_EQ(store.get_batch_run(id)->status, store::RunStatus::kRunning);
}

}  // namespace
}  // namespace talentmatch::batch
