// Arena options for cxkit requests and responses.

#ifndef CXKIT_ARENA_H_
#define CXKIT_ARENA_H_

#include <cstddef>

#include "google/protobuf/arena.h"

namespace cxkit {

// The options of the protobuf arenas that the C ABI and the Python binding
// parse requests and build responses on, for C++ hosts that call the `FooInto`
// functions on an arena of their own:
// - blocks start at `start_block_size` bytes (at least 256) and double up to
//   4 MiB, so a small call costs one small block and a large response about
//   one allocation per 4 MiB (a single larger object gets a block of its own);
// - with the environment variable CXKIT_HUGE_PAGES=1 (read once per process)
//   on Linux, blocks of 2 MiB or more are mapped on their own, 2 MiB-aligned,
//   and advised as transparent huge pages (madvise MADV_HUGEPAGE). A large
//   response then faults in with about a fifth of the page faults, but every
//   call clears fresh 2 MiB pages instead of reusing the memory malloc keeps.
//   Measured on a VM for 200,000 SLA conversations: the C++ call took
//   0.37-0.43 s instead of 0.54-0.74 s, the C ABI call (which also parses and
//   serializes) 1.6-2.2 s instead of 1.0-1.2 s. So it is off by default;
//   measure your host. Mapped blocks are unmapped when the arena is
//   destroyed. When libcxkit itself is built with AddressSanitizer, blocks
//   always come from malloc, so that use after free stays detected.
// Allocation failure throws std::bad_alloc, which the cxkit functions report
// as RESOURCE_EXHAUSTED. Thread-safe: the options hold no state.
google::protobuf::ArenaOptions CallArenaOptions(
    std::size_t start_block_size = 4096);

}  // namespace cxkit

#endif  // CXKIT_ARENA_H_
