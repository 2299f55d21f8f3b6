#pragma once
// The matcher's snapshot, as the layers outside matcher/ see it (the one
// header they include for it):
//  - Snapshot, its shared parts and dictionaries (snapshot/snapshot.hpp);
//  - SnapshotFeed: entities in, every published snapshot out, the one road
//    from the store for both serve and batch (snapshot/snapshot_feed.hpp);
//  - patch_jobs / patch_graduates: a new snapshot from a published one and a
//    delta, equal to a full build (snapshot/snapshot_patch.hpp);
//  - the validity rule of jobs on a date (snapshot/validity.hpp).
// The staging, block layout, candidate index and kernel plan behind them are
// the matcher's own.
#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/snapshot_feed.hpp"
#include "matcher/snapshot/snapshot_patch.hpp"
#include "matcher/snapshot/validity.hpp"
