#pragma once
// Who runs a batch run, so a later process can tell whether that process is
// gone (killed with kill -9, crashed, or the machine rebooted) and the run
// will never finish. An owner is "host|boot id|pid|start time": the boot id
// (/proc/sys/kernel/random/boot_id) changes at every boot and the start time
// (field 22 of /proc/<pid>/stat, clock ticks since boot) tells a reused pid
// from the original process. Linux only.
#include <string>

namespace talentmatch::store {

// The calling process's owner string.
std::string current_process_owner();

// True when `owner` names a process that cannot be running any more: same
// host and another boot, or same boot and no process with that pid and start
// time. An owner on another host is never "gone" (we cannot look); an empty
// owner (a run recorded before owners existed) is gone.
bool process_owner_gone(const std::string& owner);

}  // namespace talentmatch::store
