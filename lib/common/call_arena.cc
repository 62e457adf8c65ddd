#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

#include "cxkit/arena.h"
#include "lib/common/asan.h"

#if defined(__linux__)
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace cxkit {
namespace {

constexpr std::size_t kMaxBlock = std::size_t{4} << 20;
constexpr std::size_t kDefaultPoolLimit = std::size_t{256} << 20;

// CXKIT_ARENA_POOL_BYTES when it is a decimal byte count, else the default.
std::size_t InitialPoolLimit() {
  const char* value = std::getenv("CXKIT_ARENA_POOL_BYTES");
  if (value == nullptr || *value < '0' || *value > '9') {
    return kDefaultPoolLimit;
  }
  errno = 0;
  char* end = nullptr;
  const unsigned long long bytes = std::strtoull(value, &end, 10);
  if (errno != 0 || *end != '\0' || bytes > SIZE_MAX) return kDefaultPoolLimit;
  return static_cast<std::size_t>(bytes);
}

void* Allocate(std::size_t size) {
  void* block = std::malloc(size);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

#if defined(__linux__) && defined(MADV_HUGEPAGE) && !defined(CXKIT_ASAN)
#define CXKIT_ARENA_POOL 1
constexpr std::size_t kHugePage = std::size_t{2} << 20;
static_assert(kMaxBlock % kHugePage == 0, "pooled blocks are whole huge pages");

// Whether CXKIT_HUGE_PAGES=1 asks for huge-page advice on pooled blocks.
bool HugePagesRequested() {
  const char* value = std::getenv("CXKIT_HUGE_PAGES");
  return value != nullptr && std::strcmp(value, "1") == 0;
}

// Maps kMaxBlock bytes starting on a 2 MiB boundary (maps 2 MiB more and
// unmaps the unaligned head and the tail), so that each half can be a huge
// page; advises MADV_HUGEPAGE when `huge`.
void* MapBlock(bool huge) {
  void* raw = mmap(nullptr, kMaxBlock + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = begin + kMaxBlock + kHugePage;
  if (aligned > begin) munmap(raw, aligned - begin);
  if (end > aligned + kMaxBlock) {
    munmap(reinterpret_cast<void*>(aligned + kMaxBlock),
           end - aligned - kMaxBlock);
  }
  void* block = reinterpret_cast<void*>(aligned);
  if (huge) madvise(block, kMaxBlock, MADV_HUGEPAGE);  // advice only
  return block;
}

// The process-wide pool of freed kMaxBlock blocks, at most `limit_` bytes,
// kept as a LIFO list threaded through the blocks themselves (so giving a
// block back never allocates). Blocks are mapped on their own and unmapped
// when the pool has no room. Constant-initialized (no construction can fail
// or race) and never destroyed; the environment is read under the mutex on
// first use. fork() holds the mutex (handlers registered when the library
// is loaded), so a child inherits a consistent pool.
class BlockPool {
 public:
  constexpr BlockPool() = default;

  void* Take() {
    bool advise;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      Configure();
      if (head_ != nullptr) {
        void* block = head_;
        head_ = *static_cast<void**>(block);
        retained_ -= kMaxBlock;
        return block;
      }
      advise = huge_pages_ && limit_ >= kMaxBlock;
    }
    return MapBlock(advise);
  }

  void Give(void* block) noexcept {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      Configure();
      if (limit_ >= kMaxBlock && retained_ <= limit_ - kMaxBlock) {
        *static_cast<void**>(block) = head_;
        head_ = block;
        retained_ += kMaxBlock;
        return;
      }
    }
    munmap(block, kMaxBlock);
  }

  std::size_t SetLimit(std::size_t bytes) noexcept {
    void* excess = nullptr;
    std::size_t previous;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      Configure();
      previous = limit_;
      limit_ = bytes;
      while (retained_ > limit_) {
        void* block = head_;
        head_ = *static_cast<void**>(block);
        retained_ -= kMaxBlock;
        *static_cast<void**>(block) = excess;
        excess = block;
      }
    }
    while (excess != nullptr) {
      void* next = *static_cast<void**>(excess);
      munmap(excess, kMaxBlock);
      excess = next;
    }
    return previous;
  }

  std::size_t Retained() noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    return retained_;
  }

  void LockForFork() { mutex_.lock(); }
  void UnlockAfterFork() { mutex_.unlock(); }

 private:
  // Reads the environment once; the caller holds mutex_.
  void Configure() {
    if (configured_) return;
    limit_ = InitialPoolLimit();
    huge_pages_ = HugePagesRequested();
    configured_ = true;
  }

  std::mutex mutex_;
  bool configured_ = false;
  bool huge_pages_ = false;
  std::size_t limit_ = 0;
  std::size_t retained_ = 0;
  void* head_ = nullptr;
};

BlockPool pool;  // constant-initialized: usable from any static initializer

[[maybe_unused]] const bool fork_handlers_registered = [] {
  return pthread_atfork([] { pool.LockForFork(); },
                        [] { pool.UnlockAfterFork(); },
                        [] { pool.UnlockAfterFork(); }) == 0;
}();

void* AllocateBlock(std::size_t size) {
  return size == kMaxBlock ? pool.Take() : Allocate(size);
}

void DeallocateBlock(void* block, std::size_t size) {
  if (size == kMaxBlock) {
    pool.Give(block);
  } else {
    std::free(block);
  }
}
#else
void* AllocateBlock(std::size_t size) { return Allocate(size); }
void DeallocateBlock(void* block, std::size_t) { std::free(block); }

// Without the pool only the limit is kept, so that the API answers alike.
std::mutex limit_mutex;
bool limit_configured = false;
std::size_t pool_limit = 0;
#endif

}  // namespace

google::protobuf::ArenaOptions CallArenaOptions(std::size_t start_block_size) {
  google::protobuf::ArenaOptions options;
  options.start_block_size =
      std::min(std::max(start_block_size, std::size_t{256}), kMaxBlock);
  options.max_block_size = kMaxBlock;
  options.block_alloc = &AllocateBlock;
  options.block_dealloc = &DeallocateBlock;
  return options;
}

std::size_t SetArenaPoolLimit(std::size_t bytes) {
#if defined(CXKIT_ARENA_POOL)
  return pool.SetLimit(bytes);
#else
  std::lock_guard<std::mutex> lock(limit_mutex);
  if (!limit_configured) pool_limit = InitialPoolLimit();
  limit_configured = true;
  const std::size_t previous = pool_limit;
  pool_limit = bytes;
  return previous;
#endif
}

std::size_t ArenaPoolRetainedBytes() {
#if defined(CXKIT_ARENA_POOL)
  return pool.Retained();
#else
  return 0;
#endif
}

}  // namespace cxkit
