// cxkit::CallArenaOptions (cxkit/arena.h): its sizes, and blocks large enough
// to be mapped on their own that hold messages like any other.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cxkit/arena.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "lib/common/asan.h"

namespace cxkit {
namespace {

#if defined(CXKIT_ASAN)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif

// Whether blocks of 2 MiB or more are mapped on their own: on Linux, without
// ASan, with CXKIT_HUGE_PAGES=1 (the ctest case
// common_test.CallArenaOptionsWithHugePages).
bool BlocksAreMapped() {
#if defined(__linux__)
  const char* value = std::getenv("CXKIT_HUGE_PAGES");
  return !kAsan && value != nullptr && std::string(value) == "1";
#else
  return false;
#endif
}

TEST(CallArenaOptions, BlocksStartAsAskedAndGrowToFourMiB) {
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  EXPECT_EQ(options.start_block_size, 4096u);
  EXPECT_EQ(options.max_block_size, 4u << 20);
  EXPECT_EQ(CallArenaOptions(1 << 16).start_block_size, 1u << 16);
  EXPECT_EQ(CallArenaOptions(0).start_block_size, 256u);
  EXPECT_EQ(CallArenaOptions(size_t{1} << 30).start_block_size, 4u << 20);
  ASSERT_NE(options.block_alloc, nullptr);
  ASSERT_NE(options.block_dealloc, nullptr);
}

// Every size, small or mapped on its own, is writable to its last byte and
// given back by the matching deallocation; a mapped block starts on a 2 MiB
// boundary.
TEST(CallArenaOptions, BlocksOfEverySizeAreUsable) {
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  const bool huge_pages = BlocksAreMapped();
  for (size_t size :
       {size_t{256}, size_t{1} << 20, (size_t{2} << 20) - 1, size_t{2} << 20,
        size_t{3} << 20, size_t{4} << 20, (size_t{9} << 20) + 17}) {
    void* block = options.block_alloc(size);
    ASSERT_NE(block, nullptr) << size;
    std::memset(block, 0xab, size);
    EXPECT_EQ(static_cast<unsigned char*>(block)[size - 1], 0xab) << size;
    if (huge_pages && size >= (size_t{2} << 20)) {
      EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % (size_t{2} << 20), 0u)
          << size;
    }
    options.block_dealloc(block, size);
  }
}

#if defined(__linux__)
// The process's mapped size in pages (/proc/self/statm), or -1.
long MappedPages() {
  FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return -1;
  long pages = -1;
  if (std::fscanf(statm, "%ld", &pages) != 1) pages = -1;
  std::fclose(statm);
  return pages;
}

// Blocks of sizes that are not whole pages, allocated and freed 200 times,
// leave no mapping behind (the mapped path once left up to 2 MiB per block:
// its tail was unmapped from an unaligned address).
// (Only mapped blocks: malloc may keep freed memory for later.)
TEST(CallArenaOptions, FreedBlocksLeaveNoMappingBehind) {
  if (!BlocksAreMapped()) GTEST_SKIP() << "blocks come from malloc";
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  const long before = MappedPages();
  ASSERT_GT(before, 0);
  for (int i = 0; i < 200; ++i) {
    const size_t size = (size_t{9} << 20) + 17 + static_cast<size_t>(i);
    void* block = options.block_alloc(size);
    static_cast<char*>(block)[size - 1] = 1;
    options.block_dealloc(block, size);
  }
  // 200 leaked tails would be at least 200 pages; allow 32 for the heap.
  EXPECT_LT(MappedPages() - before, 32);
}
#endif

// 300,000 messages need several 4 MiB blocks; each keeps its value.
TEST(CallArenaOptions, MessagesOnMappedBlocksKeepTheirValues) {
  google::protobuf::Arena arena(CallArenaOptions());
  std::vector<google::protobuf::Timestamp*> stamps;
  for (int i = 0; i < 300000; ++i) {
    stamps.push_back(
        google::protobuf::Arena::CreateMessage<google::protobuf::Timestamp>(
            &arena));
    stamps.back()->set_seconds(i);
  }
  EXPECT_GT(arena.SpaceAllocated(), uint64_t{8} << 20);
  for (int i = 0; i < 300000; ++i) ASSERT_EQ(stamps[i]->seconds(), i);
}

}  // namespace
}  // namespace cxkit
