#pragma once
// Runs analytics work on a oneTBB arena sized by ExecutionOptions::threads
// (0 = default concurrency), the same knob the top-k calls take. Results of the
// analytics never depend on the thread count: every parallel task writes its
// own slots or integer partial sums.
#include <string>

#include <tbb/task_arena.h>

#include "matcher/query/match_query.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

// Throws ValidationError("options.threads", ...) unless 0 <= threads <= 256.
template <typename Work>
void run_in_arena(const ExecutionOptions& options, Work&& work) {
    if (options.threads < 0 || options.threads > 256)
        throw ValidationError(
            {{"options.threads", "must be 0..256, got " + std::to_string(options.threads)}});
    tbb::task_arena arena(options.threads == 0 ? tbb::task_arena::automatic : options.threads);
    arena.execute(work);
}

}  // namespace talentmatch::matcher
