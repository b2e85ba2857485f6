#include "ir/error.h"
#include "quant/quant.h"
#include "quant/test_models.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>

namespace qgold::quant {
namespace {

using testing::tensor;

// Records held in memory, one float32 input each.
class MemoryDataset : public data::DatasetReader {
public:
  explicit MemoryDataset(std::vector<std::vector<float>> records) : records_(std::move(records)) {}
  std::optional<size_t> size() const override { return records_.size(); }
  bool next(data::Record &record) override {
    if (next_ == records_.size())
      return false;
    const auto &values = records_[next_];
    record.id = "record " + std::to_string(next_++);
    record.inputs.assign(1, std::vector<uint8_t>(values.size() * sizeof(float)));
    std::memcpy(record.inputs[0].data(), values.data(), record.inputs[0].size());
    return true;
  }

private:
  std::vector<std::vector<float>> records_;
  size_t next_ = 0;
};

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
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
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

} // namespace
} // namespace qgold::quant
