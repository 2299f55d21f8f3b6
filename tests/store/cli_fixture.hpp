#pragma once
// The store's command-line tests (store_cli_tests): run the real talentmatch
// binary (TALENTMATCH_BINARY, set by CMake) as a process in a fresh temporary
// directory and capture its exit code and output.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "store_fixture.hpp"

namespace talentmatch::store::testing {

struct ProcessResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

class CliTest : public TempDirTest {
  protected:
    // `talentmatch <args>` through the shell (args may redirect or quote).
    ProcessResult talentmatch(const std::string& args) {
        const std::string out = (dir_ / "out.txt").string();
        const std::string command =
            std::string(TALENTMATCH_BINARY) + " " + args + " > " + out + " 2>&1";
        const int status = std::system(command.c_str());
        std::ifstream in(out);
        ProcessResult run;
        run.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return run;
    }
};

}  // namespace talentmatch::store::testing
