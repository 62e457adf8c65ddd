#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

#include "cxkit/arena.h"
#include "lib/common/asan.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace cxkit {
namespace {

constexpr std::size_t kMaxBlock = std::size_t{4} << 20;

void* Allocate(std::size_t size) {
  void* block = std::malloc(size);
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

#if defined(__linux__) && defined(MADV_HUGEPAGE) && !defined(CXKIT_ASAN)
constexpr std::size_t kHugePage = std::size_t{2} << 20;

bool HugePagesEnabled() {
  static const bool enabled = [] {
    const char* value = std::getenv("CXKIT_HUGE_PAGES");
    return value != nullptr && std::strcmp(value, "1") == 0;
  }();
  return enabled;
}

// Whether a block of `size` bytes is mapped on its own: the same answer for
// its allocation and its deallocation, which both see its size.
bool IsMapped(std::size_t size) {
  return size >= kHugePage && HugePagesEnabled();
}

// Maps the block rounded up to whole pages plus 2 MiB, and unmaps the
// unaligned head and the tail, so that the block starts on a 2 MiB boundary
// and each whole 2 MiB of it can be a huge page. DeallocateBlock's munmap of
// `size` bytes covers the rounded length too (munmap rounds up to pages).
void* MapAligned(std::size_t size) {
  static const std::size_t page =
      static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  if (size > SIZE_MAX - kHugePage - page) throw std::bad_alloc();
  const std::size_t length = (size + page - 1) / page * page;
  void* raw = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const std::uintptr_t begin = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = begin + length + kHugePage;
  if (aligned > begin) munmap(raw, aligned - begin);
  if (end > aligned + length) {
    munmap(reinterpret_cast<void*>(aligned + length), end - aligned - length);
  }
  void* block = reinterpret_cast<void*>(aligned);
  madvise(block, length, MADV_HUGEPAGE);  // advice only: failure is harmless
  return block;
}

void* AllocateBlock(std::size_t size) {
  return IsMapped(size) ? MapAligned(size) : Allocate(size);
}

void DeallocateBlock(void* block, std::size_t size) {
  if (IsMapped(size)) {
    munmap(block, size);
  } else {
    std::free(block);
  }
}
#else
void* AllocateBlock(std::size_t size) { return Allocate(size); }
void DeallocateBlock(void* block, std::size_t) { std::free(block); }
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

}  // namespace cxkit
