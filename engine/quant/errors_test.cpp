// Non-finite calibration data: an error naming record, input and index, or
// (skip_nonfinite) records left out with a message for each.
#include "format/model_file.h"
#include "ir/error.h"
#include "quant/quant.h"
#include "quant/settings.h"
#include "quant/test_models.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace qgold::quant {
namespace {

// One float32 input per record, ids "r0", "r1", ...
class Records : public testing::MemoryDataset {
public:
  explicit Records(std::vector<std::vector<float>> records) : MemoryDataset(std::move(records), "r") {}
};

ir::Model relu_model() {
  ir::Model model;
  const int32_t in = testing::activation(model, "in", {1, 3});
  const int32_t out = testing::activation(model, "out", {1, 3});
  model.operators.push_back({ir::OpCode::Relu, {in}, {out}, std::monostate{}});
  model.inputs = {in};
  model.outputs = {out};
  return model;
}

constexpr float kInf = std::numeric_limits<float>::infinity();

std::vector<std::vector<float>> records_with_bad_values() {
  return {{1.0f, 2.0f, 3.0f}, {0.0f, std::nanf(""), 1.0f}, {-4.0f, 0.5f, 9.0f}, {0.0f, 0.0f, -kInf}};
}

TEST(CalibrationErrors, NonFiniteValueNamesRecordInputAndIndex) {
  for (auto backend : {RecordMinMaxOptions::Backend::Fast, RecordMinMaxOptions::Backend::Reference}) {
    ir::Model model = relu_model();
    Records records(records_with_bad_values());
    RecordMinMaxOptions options;
    options.backend = backend;
    try {
      record_minmax(model, records, options);
      FAIL() << "expected an InputError";
    } catch (const InputError &e) {
      EXPECT_STREQ(e.what(), "r1: input 0 ('in') has the non-finite value nan at index 1");
    }
  }
}

TEST(CalibrationErrors, SkipNonFiniteLeavesRecordsOutAndReportsEach) {
  for (unsigned threads : {1u, 3u}) {
    ir::Model model = relu_model();
    Records records(records_with_bad_values());
    RecordMinMaxOptions options;
    options.mode = RecordMinMaxOptions::Mode::MinMax;
    options.threads = threads;
    options.skip_nonfinite = true;
    std::vector<std::string> skipped;
    options.on_skipped = [&](const std::string &why) { skipped.push_back(why); };
    record_minmax(model, records, options);
    ASSERT_EQ(skipped.size(), 2u);
    EXPECT_EQ(skipped[0], "r1: input 0 ('in') has the non-finite value nan at index 1");
    EXPECT_EQ(skipped[1], "r3: input 0 ('in') has the non-finite value -inf at index 2");
    // Only r0 and r2 count: min -4, max 9.
    const ir::Tensor &in = model.tensors[model.inputs[0]];
    ASSERT_TRUE(in.quant);
    EXPECT_EQ(in.quant->min[0], -4.0f);
    EXPECT_EQ(in.quant->max[0], 9.0f);
  }
}

TEST(CalibrationErrors, SkippingEveryRecordLeavesNoRecords) {
  ir::Model model = relu_model();
  Records records({{kInf, 0.0f, 0.0f}});
  RecordMinMaxOptions options;
  options.skip_nonfinite = true;
  EXPECT_THROW(record_minmax(model, records, options), InputError);
}

TEST(CalibrationErrors, EmptyDataset) {
  ir::Model model = relu_model();
  Records none({});
  try {
    record_minmax(model, none, {});
    FAIL() << "expected an InputError";
  } catch (const InputError &e) {
    EXPECT_STREQ(e.what(), "the dataset has no records");
  }
}

TEST(QConfErrors, MalformedJsonAndWrongStructure) {
  auto message = [](const std::string &text) {
    try {
      parse_qconf(text, "q.json");
    } catch (const InputError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("{\"layers\": [}").rfind("q.json: malformed JSON at byte 13: ", 0), 0u);
  EXPECT_EQ(message("[]"), "q.json: expected an object with a \"layers\" list");
  // Fuzzer finding: a number too large for a double escaped as nlohmann's out_of_range.
  EXPECT_EQ(message("5e0000000001342900302\"it").rfind("q.json: malformed JSON: ", 0), 0u);
}

// Errors about what a qconf names are found against the model, and name the qconf file.
TEST(QConfErrors, NamesThatDoNotFitTheModelNameTheFile) {
  const ir::Model model = relu_model();
  auto message = [&](const std::string &text) {
    try {
      const QConf qconf = parse_qconf(text, "q.json");
      LayerSettings settings(model, Settings{ir::DType::UInt8, Granularity::Layer}, &qconf);
    } catch (const InputError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  auto layer = [](const std::string &name) {
    return R"({"layers": [{"name": ")" + name + R"(", "dtype": "int16", "granularity": "channel"}]})";
  };
  EXPECT_EQ(message(layer("out")), "no error");
  EXPECT_EQ(message(layer("outt")), "q.json: layer 'outt' is not a tensor of the model");
  EXPECT_EQ(message(R"({"layers": [{"name": "out", "dtype": "int16", "granularity": "channel"},
                                   {"name": "out", "dtype": "uint8", "granularity": "layer"}]})"),
            "q.json: layer 'out' is named more than once");
}

} // namespace
} // namespace qgold::quant

namespace qgold::quant {
namespace {

// A model file whose operators form a cycle (t1 = in + t2, t2 = relu(t1)): it
// parses, but calibrating it is an InputError naming the operator, never a hang.
TEST(ModelErrors, OperatorCycleInAModelFileIsAnInputError) {
  ir::Model cyclic;
  const int32_t in = testing::activation(cyclic, "in", {1, 3});
  const int32_t t1 = testing::activation(cyclic, "t1", {1, 3});
  const int32_t t2 = testing::activation(cyclic, "t2", {1, 3});
  cyclic.operators.push_back({ir::OpCode::Add, {in, t2}, {t1}, ir::ElementwiseOptions{}});
  cyclic.operators.push_back({ir::OpCode::Relu, {t1}, {t2}, std::monostate{}});
  cyclic.inputs = {in};
  cyclic.outputs = {t2};
  const ir::Model model =
      format::deserialize(format::serialize(cyclic, format::FileFormat::Circle), "cyclic.circle");
  for (auto backend : {RecordMinMaxOptions::Backend::Fast, RecordMinMaxOptions::Backend::Reference}) {
    ir::Model copy = model;
    Records records({{1.0f, 2.0f, 3.0f}});
    RecordMinMaxOptions options;
    options.backend = backend;
    try {
      record_minmax(copy, records, options);
      FAIL() << "expected an InputError";
    } catch (const InputError &error) {
      EXPECT_NE(std::string(error.what()).find("t2"), std::string::npos) << error.what();
    }
  }
}

} // namespace
} // namespace qgold::quant
