// cxkit::CallArenaOptions and the arena block pool (cxkit/arena.h): block
// sizes, 4 MiB blocks mapped 2 MiB-aligned and pooled up to the limit, the
// limit from CXKIT_ARENA_POOL_BYTES, threads and fork().

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cxkit/arena.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "lib/common/asan.h"

#if defined(__linux__)
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace cxkit {
namespace {

constexpr size_t kFourMiB = size_t{4} << 20;

// Whether 4 MiB blocks are mapped and pooled: on Linux, without ASan.
constexpr bool kPooled =
#if defined(__linux__) && !defined(CXKIT_ASAN)
    true;
#else
    false;
#endif

// The limit the pool starts with: CXKIT_ARENA_POOL_BYTES when it is a
// decimal byte count (the ctest case
// common_test.CallArenaOptionsPoolFromEnvironment sets it), else 256 MiB.
size_t ExpectedInitialLimit() {
  const char* value = std::getenv("CXKIT_ARENA_POOL_BYTES");
  const size_t fallback = size_t{256} << 20;
  if (value == nullptr || *value < '0' || *value > '9') return fallback;
  char* end = nullptr;
  const unsigned long long bytes = std::strtoull(value, &end, 10);
  return *end == '\0' ? static_cast<size_t>(bytes) : fallback;
}

// Sets the pool's limit for one test and restores it (emptying the pool
// first, so that every test starts with no pooled block).
class PoolLimit {
 public:
  explicit PoolLimit(size_t bytes) {
    previous_ = SetArenaPoolLimit(0);
    SetArenaPoolLimit(bytes);
  }
  ~PoolLimit() {
    SetArenaPoolLimit(0);
    SetArenaPoolLimit(previous_);
  }

 private:
  size_t previous_ = 0;
};

// First, before any test changes it (gtest runs tests in file order).
TEST(CallArenaOptions, PoolLimitStartsFromTheEnvironment) {
  const size_t initial = SetArenaPoolLimit(size_t{1} << 20);
  EXPECT_EQ(initial, ExpectedInitialLimit());
  EXPECT_EQ(SetArenaPoolLimit(initial), size_t{1} << 20);
}

TEST(CallArenaOptions, BlocksStartAsAskedAndGrowToFourMiB) {
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  EXPECT_EQ(options.start_block_size, 4096u);
  EXPECT_EQ(options.max_block_size, kFourMiB);
  EXPECT_EQ(CallArenaOptions(1 << 16).start_block_size, 1u << 16);
  EXPECT_EQ(CallArenaOptions(0).start_block_size, 256u);
  EXPECT_EQ(CallArenaOptions(size_t{1} << 30).start_block_size, kFourMiB);
  ASSERT_NE(options.block_alloc, nullptr);
  ASSERT_NE(options.block_dealloc, nullptr);
}

// Every size is writable to its last byte and given back by the matching
// deallocation; a 4 MiB block starts on a 2 MiB boundary.
TEST(CallArenaOptions, BlocksOfEverySizeAreUsable) {
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  for (size_t size :
       {size_t{256}, size_t{1} << 20, (size_t{2} << 20) - 1, size_t{2} << 20,
        size_t{3} << 20, kFourMiB, (size_t{9} << 20) + 17}) {
    void* block = options.block_alloc(size);
    ASSERT_NE(block, nullptr) << size;
    std::memset(block, 0xab, size);
    EXPECT_EQ(static_cast<unsigned char*>(block)[size - 1], 0xab) << size;
    if (kPooled && size == kFourMiB) {
      EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % (size_t{2} << 20), 0u);
    }
    options.block_dealloc(block, size);
  }
}

// Three freed 4 MiB blocks with room for two: two are kept, the last freed
// comes back first, lowering the limit unmaps them; other sizes never pool.
TEST(CallArenaOptions, FreedFourMiBBlocksArePooledUpToTheLimit) {
  if (!kPooled) GTEST_SKIP() << "every block comes from malloc";
  const PoolLimit limit(2 * kFourMiB);
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  void* blocks[3];
  for (void*& block : blocks) block = options.block_alloc(kFourMiB);
  void* other = options.block_alloc(kFourMiB + 1);
  options.block_dealloc(other, kFourMiB + 1);
  EXPECT_EQ(ArenaPoolRetainedBytes(), 0u);
  for (void* block : blocks) options.block_dealloc(block, kFourMiB);
  EXPECT_EQ(ArenaPoolRetainedBytes(), 2 * kFourMiB);
  void* again = options.block_alloc(kFourMiB);
  EXPECT_EQ(again, blocks[1]);
  EXPECT_EQ(ArenaPoolRetainedBytes(), kFourMiB);
  options.block_dealloc(again, kFourMiB);
  EXPECT_EQ(SetArenaPoolLimit(kFourMiB), 2 * kFourMiB);
  EXPECT_EQ(ArenaPoolRetainedBytes(), kFourMiB);
  SetArenaPoolLimit(0);
  EXPECT_EQ(ArenaPoolRetainedBytes(), 0u);
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

// With a limit of 0, 200 blocks allocated and freed leave no mapping behind
// (a block is mapped with 2 MiB of slack whose head and tail are unmapped),
// and setting the limit to 0 unmaps what the pool held.
TEST(CallArenaOptions, UnpooledAndReleasedBlocksLeaveNoMappingBehind) {
  if (!kPooled) GTEST_SKIP() << "every block comes from malloc";
  const PoolLimit limit(0);
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  const long before = MappedPages();
  ASSERT_GT(before, 0);
  for (int i = 0; i < 200; ++i) {
    void* block = options.block_alloc(kFourMiB);
    static_cast<char*>(block)[kFourMiB - 1] = 1;
    options.block_dealloc(block, kFourMiB);
  }
  // 200 leaked blocks or tails would be at least 200 pages; allow 32.
  EXPECT_LT(MappedPages() - before, 32);
  SetArenaPoolLimit(8 * kFourMiB);
  std::vector<void*> blocks;
  for (int i = 0; i < 8; ++i) blocks.push_back(options.block_alloc(kFourMiB));
  for (void* block : blocks) options.block_dealloc(block, kFourMiB);
  EXPECT_EQ(ArenaPoolRetainedBytes(), 8 * kFourMiB);
  SetArenaPoolLimit(0);
  EXPECT_LT(MappedPages() - before, 32);
}

// Children forked while other threads use the pool can use it too: fork()
// holds the pool's lock, so no child inherits it locked by a thread it does
// not have (such a child would hang until its alarm kills it).
TEST(CallArenaOptions, PoolWorksInForkedChildren) {
  const PoolLimit limit(4 * kFourMiB);
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  std::atomic<bool> stop{false};
  std::vector<std::thread> busy;
  for (int t = 0; t < 2; ++t) {
    busy.emplace_back([&] {
      while (!stop.load()) {
        options.block_dealloc(options.block_alloc(kFourMiB), kFourMiB);
      }
    });
  }
  int children_ok = 0;
  for (int i = 0; i < 30; ++i) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      alarm(2);
      void* block = options.block_alloc(kFourMiB);
      static_cast<char*>(block)[0] = 1;
      options.block_dealloc(block, kFourMiB);
      SetArenaPoolLimit(0);
      _exit(ArenaPoolRetainedBytes() == 0 ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    children_ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  stop = true;
  for (std::thread& thread : busy) thread.join();
  EXPECT_EQ(children_ok, 30);
}
#endif

// Threads sharing the pool each get blocks nobody else holds: a block filled
// with the thread's mark keeps it until freed.
TEST(CallArenaOptions, ThreadsShareThePoolSafely) {
  const PoolLimit limit(4 * kFourMiB);
  const google::protobuf::ArenaOptions options = CallArenaOptions();
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) {
        auto* block =
            static_cast<unsigned char*>(options.block_alloc(kFourMiB));
        std::memset(block, t + 1, 64 << 10);
        std::this_thread::yield();
        for (size_t b = 0; b < (64 << 10); b += 4096) {
          if (block[b] != t + 1) ++failures[t];
        }
        options.block_dealloc(block, kFourMiB);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
  EXPECT_LE(ArenaPoolRetainedBytes(), 4 * kFourMiB);
}

// 300,000 messages need several 4 MiB blocks; each keeps its value, also on
// blocks reused from the pool by a second arena.
TEST(CallArenaOptions, MessagesOnPooledBlocksKeepTheirValues) {
  const PoolLimit limit(64 * kFourMiB);
  for (int round = 0; round < 2; ++round) {
    google::protobuf::Arena arena(CallArenaOptions());
    std::vector<google::protobuf::Timestamp*> stamps;
    for (int i = 0; i < 300000; ++i) {
      stamps.push_back(
          google::protobuf::Arena::CreateMessage<google::protobuf::Timestamp>(
              &arena));
      stamps.back()->set_seconds(i + round);
    }
    EXPECT_GT(arena.SpaceAllocated(), uint64_t{8} << 20);
    for (int i = 0; i < 300000; ++i) {
      ASSERT_EQ(stamps[i]->seconds(), i + round);
    }
  }
  if (kPooled) {
    EXPECT_GT(ArenaPoolRetainedBytes(), 0u);
  }
}

}  // namespace
}  // namespace cxkit
