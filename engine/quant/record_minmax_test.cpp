#include "ir/error.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace qgold::quant {
namespace {

using testing::tensor;

using testing::MemoryDataset;

// in [1,4] -> ReLU -> out
ir::Model relu_model() {
  ir::Model model;
  const int32_t in = testing::activation(model, "in", {1, 4});
  const int32_t out = testing::activation(model, "out", {1, 4});
  model.operators.push_back({ir::OpCode::Relu, {in}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  return model;
}

TEST(RecordMinMax, PercentileOfPerRecordRanges) {
  // Per-record minima 1.2, 0.9, 2.0, 1.0, 1.1 (worked example G); maxima chosen alike.
  MemoryDataset dataset({{1.2f, 5.0f, 3.0f, 4.0f},
                         {0.9f, 1.5f, 1.0f, 1.2f},
                         {2.0f, 3.0f, 2.5f, 2.1f},
                         {1.0f, 1.1f, 1.05f, 1.08f},
                         {1.1f, 1.5f, 2.0f, 1.2f}});
  ir::Model model = relu_model();
  record_minmax(model, dataset, {});
  const ir::Tensor &in = tensor(model, "in");
  ASSERT_TRUE(in.quant);
  EXPECT_FLOAT_EQ(in.quant->min[0], 0.904f);
  // maxima sorted 1.1, 1.5, 2.0, 3.0, 5.0 -> 3.0 + 0.96 * 2.0
  EXPECT_FLOAT_EQ(in.quant->max[0], 4.92f);
  EXPECT_FLOAT_EQ(tensor(model, "out").quant->min[0], 0.904f);
  EXPECT_TRUE(tensor(model, "in").quant->scale.empty());
}

TEST(RecordMinMax, MinMaxAndMovingAverageModes) {
  std::vector<std::vector<float>> records = {{-1.0f, 0.0f, 0.0f, 2.0f}, {-3.0f, 0.0f, 0.0f, 1.0f}};
  ir::Model plain = relu_model();
  MemoryDataset first(records);
  RecordMinMaxOptions options;
  options.mode = RecordMinMaxOptions::Mode::MinMax;
  record_minmax(plain, first, options);
  EXPECT_EQ(tensor(plain, "in").quant->min[0], -3.0f);
  EXPECT_EQ(tensor(plain, "in").quant->max[0], 2.0f);
  EXPECT_EQ(tensor(plain, "out").quant->min[0], 0.0f);

  ir::Model averaged = relu_model();
  MemoryDataset second(records);
  options.mode = RecordMinMaxOptions::Mode::MovingAverage;
  options.moving_avg_batch = 1;
  record_minmax(averaged, second, options);
  EXPECT_FLOAT_EQ(tensor(averaged, "in").quant->min[0], -1.2f); // 0.9 * -1 + 0.1 * -3
  EXPECT_FLOAT_EQ(tensor(averaged, "in").quant->max[0], 1.9f);  // 0.9 * 2 + 0.1 * 1
}

std::vector<std::vector<float>> pseudo_random_records(size_t count, size_t size) {
  std::vector<std::vector<float>> records(count, std::vector<float>(size));
  uint32_t state = 12345;
  for (auto &record : records)
    for (auto &value : record) {
      state = state * 1664525u + 1013904223u;
      value = static_cast<float>(state >> 8) / static_cast<float>(1u << 24) * 2.0f - 1.0f;
    }
  return records;
}

TEST(RecordMinMax, IdenticalForEveryThreadCountAndMode) {
  const auto records = pseudo_random_records(37, 24);
  for (auto mode : {RecordMinMaxOptions::Mode::Percentile, RecordMinMaxOptions::Mode::MovingAverage,
                    RecordMinMaxOptions::Mode::MinMax}) {
    std::vector<ir::Model> results;
    for (unsigned threads : {1u, 2u, 3u, 8u, 100000u}) {
      ir::Model model = testing::conv2d_004();
      MemoryDataset dataset(records);
      RecordMinMaxOptions options;
      options.mode = mode;
      options.moving_avg_batch = 4;
      options.threads = threads;
      record_minmax(model, dataset, options);
      results.push_back(std::move(model));
    }
    for (size_t i = 1; i < results.size(); ++i)
      for (const char *name : {"ifm", "ofm"}) {
        const auto &expected = *tensor(results[0], name).quant;
        const auto &got = *tensor(results[i], name).quant;
        EXPECT_EQ(std::memcmp(expected.min.data(), got.min.data(), sizeof(float)), 0) << name;
        EXPECT_EQ(std::memcmp(expected.max.data(), got.max.data(), sizeof(float)), 0) << name;
      }
  }
}

// in [1,12,12,8] -> Conv 3x3/2 (ReLU6) -> DepthwiseConv 3x3 (ReLU6) -> Add(conv) -> AvgPool -> FC
ir::Model small_network() {
  ir::Model model;
  auto weights = [](size_t count, float step) {
    std::vector<float> values(count);
    for (size_t i = 0; i < count; ++i)
      values[i] = static_cast<float>(static_cast<int>(i * 7 % 13) - 6) * step;
    return values;
  };
  const int32_t in = testing::activation(model, "in", {1, 12, 12, 8});
  const int32_t conv = testing::activation(model, "conv", {1, 6, 6, 16});
  ir::Conv2DOptions conv_options;
  conv_options.padding = ir::Padding::Same;
  conv_options.stride_h = conv_options.stride_w = 2;
  conv_options.activation = ir::Activation::Relu6;
  model.operators.push_back({ir::OpCode::Conv2D,
                             {in, testing::constant(model, "k", {16, 3, 3, 8}, weights(16 * 72, 0.05f)),
                              testing::constant(model, "b", {16}, weights(16, 0.1f))},
                             {conv},
                             conv_options});
  const int32_t dw = testing::activation(model, "dw", {1, 6, 6, 16});
  ir::DepthwiseConv2DOptions dw_options;
  dw_options.padding = ir::Padding::Same;
  dw_options.activation = ir::Activation::Relu6;
  model.operators.push_back(
      {ir::OpCode::DepthwiseConv2D, {conv, testing::constant(model, "dk", {1, 3, 3, 16}, weights(144, 0.2f)), -1}, {dw}, dw_options});
  const int32_t sum = testing::activation(model, "sum", {1, 6, 6, 16});
  model.operators.push_back({ir::OpCode::Add, {conv, dw}, {sum}, ir::ElementwiseOptions{}});
  const int32_t pool = testing::activation(model, "pool", {1, 1, 1, 16});
  ir::Pool2DOptions pool_options;
  pool_options.filter_height = pool_options.filter_width = 6;
  model.operators.push_back({ir::OpCode::AveragePool2D, {sum}, {pool}, pool_options});
  const int32_t fc = testing::activation(model, "fc", {1, 4});
  model.operators.push_back({ir::OpCode::FullyConnected,
                             {pool, testing::constant(model, "w", {4, 16}, weights(64, 0.3f)), -1},
                             {fc},
                             ir::FullyConnectedOptions{}});
  model.inputs = {in};
  model.outputs = {fc};
  return model;
}

// The optimized backend (the default) records, within float tolerance, what
// the reference interpreter records, and bit-identically for every thread count.
TEST(RecordMinMax, FastBackendMatchesReferenceAndIsIdenticalForEveryThreadCount) {
  const auto records = pseudo_random_records(23, 12 * 12 * 8);
  const char *names[] = {"in", "conv", "dw", "sum", "pool", "fc"};
  ir::Model reference = small_network();
  {
    MemoryDataset dataset(records);
    RecordMinMaxOptions options;
    options.backend = RecordMinMaxOptions::Backend::Reference;
    record_minmax(reference, dataset, options);
  }
  std::vector<ir::Model> fast;
  for (unsigned threads : {1u, 2u, 3u}) {
    fast.push_back(small_network());
    MemoryDataset dataset(records);
    RecordMinMaxOptions options;
    options.threads = threads;
    record_minmax(fast.back(), dataset, options);
  }
  for (const char *name : names) {
    const auto &expected = *tensor(reference, name).quant;
    for (const ir::Model &model : fast) {
      const auto &got = *tensor(model, name).quant;
      EXPECT_NEAR(got.min[0], expected.min[0], 1e-5f * (1.0f + std::abs(expected.min[0]))) << name;
      EXPECT_NEAR(got.max[0], expected.max[0], 1e-5f * (1.0f + std::abs(expected.max[0]))) << name;
      EXPECT_EQ(std::memcmp(got.min.data(), tensor(fast[0], name).quant->min.data(), sizeof(float)), 0) << name;
      EXPECT_EQ(std::memcmp(got.max.data(), tensor(fast[0], name).quant->max.data(), sizeof(float)), 0) << name;
    }
  }
  EXPECT_LE(tensor(fast[0], "conv").quant->max[0], 6.0f); // fused ReLU6 observed after the op
  EXPECT_GT(tensor(fast[0], "fc").quant->max[0], tensor(fast[0], "fc").quant->min[0]);
}

TEST(RecordMinMax, NonFiniteInputNamesRecordInputAndIndex) {
  auto records = pseudo_random_records(3, 4);
  records[2][1] = std::nanf("");
  for (unsigned threads : {1u, 2u}) {
    ir::Model model = relu_model();
    MemoryDataset dataset(records);
    RecordMinMaxOptions options;
    options.threads = threads;
    try {
      record_minmax(model, dataset, options);
      FAIL() << "expected an error";
    } catch (const InputError &error) {
      EXPECT_NE(std::string(error.what()).find("record 2: input 0 ('in')"), std::string::npos) << error.what();
      EXPECT_NE(std::string(error.what()).find("index 1"), std::string::npos) << error.what();
    }
  }
}

TEST(RecordMinMax, EmptyDatasetIsAnError) {
  ir::Model model = relu_model();
  MemoryDataset dataset({});
  EXPECT_THROW(record_minmax(model, dataset, {}), InputError);
}

TEST(RecordMinMax, ReportsProgressPerRecord) {
  ir::Model model = relu_model();
  MemoryDataset dataset(pseudo_random_records(5, 4));
  std::vector<size_t> seen;
  RecordMinMaxOptions options;
  options.progress = [&](size_t done, std::optional<size_t> total) {
    seen.push_back(done);
    EXPECT_EQ(total, std::optional<size_t>(5));
  };
  record_minmax(model, dataset, options);
  EXPECT_EQ(seen, (std::vector<size_t>{1, 2, 3, 4, 5}));
}

TEST(RecordMinMax, ProgressPrinterWritesAShortLineWhenNotATerminal) {
  std::FILE *file = std::tmpfile();
  ASSERT_NE(file, nullptr);
  const auto progress = progress_printer(file);
  progress(1, 4); // within the first 10 seconds: silent
  progress(4, 4); // the end is always reported
  std::rewind(file);
  char line[256] = {};
  ASSERT_NE(std::fgets(line, sizeof line, file), nullptr);
  EXPECT_EQ(std::string(line).rfind("record-minmax: 4/4 records (100%),", 0), 0u) << line;
  EXPECT_NE(std::string(line).find("records/s, ETA 00:00"), std::string::npos) << line;
  EXPECT_EQ(std::fgets(line, sizeof line, file), nullptr); // one line only
  std::fclose(file);
}

std::string options_error(const std::function<void(RecordMinMaxOptions &)> &change) {
  RecordMinMaxOptions options;
  change(options);
  ir::Model model = relu_model();
  MemoryDataset dataset(pseudo_random_records(2, 4));
  try {
    record_minmax(model, dataset, options);
  } catch (const InputError &error) {
    return error.what();
  }
  return "no error";
}

TEST(RecordMinMax, InvalidOptionsAreInputErrors) {
  using Options = RecordMinMaxOptions;
  EXPECT_EQ(options_error([](Options &o) {
              o.min_percentile = 99.0f;
              o.max_percentile = 1.0f;
            }),
            "record-minmax: min percentile 99 is above max percentile 1");
  EXPECT_EQ(options_error([](Options &o) { o.max_percentile = 100.5f; }),
            "record-minmax: max percentile 100.5 is outside [0, 100]");
  EXPECT_EQ(options_error([](Options &o) { o.min_percentile = std::nanf(""); }),
            "record-minmax: min percentile nan is outside [0, 100]");
  EXPECT_EQ(options_error([](Options &o) { o.moving_avg_batch = 0; }),
            "record-minmax: moving-average batch size must be at least 1");
  EXPECT_EQ(options_error([](Options &o) { o.moving_avg_const = -0.5f; }),
            "record-minmax: moving-average constant -0.5 is outside [0, 1]");
}

size_t live_threads() {
  const std::filesystem::directory_iterator tasks("/proc/self/task");
  return static_cast<size_t>(std::distance(begin(tasks), end(tasks)));
}

// 100000 threads once aborted the process: workers are capped at one per
// record and at kMaxThreadsPerCore per core.
TEST(RecordMinMax, WorkerThreadsAreCappedByRecordsAndCores) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t cap = RecordMinMaxOptions::kMaxThreadsPerCore * cores;
  for (size_t records : {size_t{3}, cap + 5}) {
    ir::Model model = relu_model();
    MemoryDataset dataset(pseudo_random_records(records, 4));
    RecordMinMaxOptions options;
    options.backend = RecordMinMaxOptions::Backend::Reference;
    options.threads = 100000;
    const size_t before = live_threads();
    size_t most = 0;
    options.progress = [&](size_t, std::optional<size_t>) {
      most = std::max(most, live_threads());
    };
    record_minmax(model, dataset, options);
    EXPECT_LE(most, before + std::min(records, cap)) << records << " records";
  }
}

// Address space of this process, in bytes.
rlim_t address_space() {
  unsigned long pages = 0;
  std::FILE *statm = std::fopen("/proc/self/statm", "r");
  if (!statm || std::fscanf(statm, "%lu", &pages) != 1)
    std::abort();
  std::fclose(statm);
  return static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
}

// In a child: 256 MiB thread stacks under an address-space limit that fits
// one, so the first worker starts and the second cannot. Exits 2 on an
// InputError, 3 on another exception (printing it), 0 if no error.
[[noreturn]] void record_with_room_for_one_thread(unsigned threads) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{256} << 20);
  rlimit limit;
  getrlimit(RLIMIT_AS, &limit);
  limit.rlim_cur = address_space() + (rlim_t{384} << 20);
  if (pthread_setattr_default_np(&attr) != 0 || setrlimit(RLIMIT_AS, &limit) != 0)
    std::abort();
  ir::Model model = relu_model();
  MemoryDataset dataset(pseudo_random_records(8, 4));
  RecordMinMaxOptions options;
  options.backend = RecordMinMaxOptions::Backend::Reference;
  options.threads = threads;
  try {
    record_minmax(model, dataset, options);
  } catch (const InputError &error) {
    std::fprintf(stderr, "%s\n", error.what());
    std::_Exit(2);
  } catch (const std::exception &error) {
    std::fprintf(stderr, "%s\n", error.what());
    std::_Exit(3);
  }
  std::_Exit(0);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QGOLD_ASAN 1
#endif
#elif defined(__SANITIZE_ADDRESS__)
#define QGOLD_ASAN 1
#endif

// A thread that cannot start once aborted the process (std::thread destroyed
// joinable): now the started workers are joined and the failure is an error,
// an InputError when the count was asked for.
TEST(RecordMinMax, ThreadStartFailureJoinsStartedWorkersAndThrows) {
#ifdef QGOLD_ASAN
  GTEST_SKIP() << "AddressSanitizer reserves address space of its own";
#endif
  EXPECT_EXIT(record_with_room_for_one_thread(4), ::testing::ExitedWithCode(2),
              "record-minmax: cannot start worker thread 2 of 4: .*; ask for fewer threads");
  if (std::thread::hardware_concurrency() >= 2) {
    EXPECT_EXIT(record_with_room_for_one_thread(0), ::testing::ExitedWithCode(3),
                "record-minmax: cannot start worker thread 2 of [0-9]+: [^;]*$");
  }
}

} // namespace
} // namespace qgold::quant
