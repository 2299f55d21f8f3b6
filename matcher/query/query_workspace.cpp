#include "matcher/query/query_workspace.hpp"

#include <new>

#include "matcher/query/sparse_query.hpp"

namespace talentmatch::matcher {

QueryWorkspace::QueryWorkspace() = default;
QueryWorkspace::~QueryWorkspace() = default;

namespace detail {

ScratchLease::ScratchLease(QueryWorkspace& workspace) : workspace_(&workspace) {
    std::lock_guard lock(workspace.mutex_);
    if (!workspace.free_.empty()) {
        scratch_ = std::move(workspace.free_.back());
        workspace.free_.pop_back();
    }
    if (!scratch_) scratch_ = std::make_unique<SparseScratch>();
}

ScratchLease::~ScratchLease() {
    if (!scratch_) return;  // moved from
    std::lock_guard lock(workspace_->mutex_);
    try {
        workspace_->free_.push_back(std::move(scratch_));
    } catch (const std::bad_alloc&) {
        // Out of memory growing the free list: the scratch is simply freed.
    }
}

}  // namespace detail
}  // namespace talentmatch::matcher
