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
// - on Linux, 4 MiB blocks (an arena grows into them after its first 4 MiB)
//   are mapped on their own, 2 MiB-aligned, and come back to a
//   process-wide pool when their arena is destroyed, up to the pool's limit
//   (SetArenaPoolLimit; 256 MiB unless the environment variable
//   CXKIT_ARENA_POOL_BYTES gives a byte count when the pool is first used).
//   The next large call reuses them instead of having the kernel clear fresh
//   pages: measured on a VM, a 100,000-conversation SLA evaluation took
//   0.15-0.23 s on pooled blocks instead of 0.31-0.40 s (its first call, on
//   fresh blocks, 0.33-0.41 s). With the environment variable
//   CXKIT_HUGE_PAGES=1 and a limit that is not 0, new pooled blocks are also
//   advised as transparent huge pages (madvise MADV_HUGEPAGE); that made the
//   first call twice as slow here (0.63-0.83 s) and later ones no faster, so
//   it is off by default (where /sys/kernel/mm/transparent_hugepage/enabled
//   is `always`, the kernel may still back them with huge pages). Other
//   blocks come from malloc.
//   When libcxkit itself is built with AddressSanitizer, or off Linux, every
//   block comes from malloc and nothing is pooled, so that use after free
//   stays detected.
// Allocation failure throws std::bad_alloc, which the cxkit functions report
// as RESOURCE_EXHAUSTED. Thread-safe: the options hold no state, and the pool
// may be used by arenas on any thread and across fork().
google::protobuf::ArenaOptions CallArenaOptions(
    std::size_t start_block_size = 4096);

// Sets how many bytes of freed 4 MiB arena blocks the process keeps for
// reuse, and returns the previous limit. Lowering it unmaps the excess at
// once; a limit below 4 MiB (e.g. 0) unmaps every pooled block and keeps none
// (each 4 MiB block is then mapped and unmapped per call, never advised as
// huge pages). A host that
// finished a large batch and goes idle can call SetArenaPoolLimit(0) and
// later restore the limit. Thread-safe.
std::size_t SetArenaPoolLimit(std::size_t bytes);

// The bytes of freed blocks the pool holds now (0 where there is no pool).
std::size_t ArenaPoolRetainedBytes();

}  // namespace cxkit

#endif  // CXKIT_ARENA_H_
