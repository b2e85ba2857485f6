#include "harness/suite/check.h"

#include "harness/util/test_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace qgold::harness {
namespace {

ir::Tensor recorded(const std::string &name, float min, float max) {
  ir::Tensor tensor;
  tensor.name = name;
  tensor.dtype = ir::DType::Float32;
  tensor.shape = {1, 2};
  tensor.quant.emplace();
  tensor.quant->min = {min};
  tensor.quant->max = {max};
  return tensor;
}

GoldenFile range_golden(const std::string &stem, double min, double max) {
  Golden golden;
  golden.min = GoldenArray::scalar(min);
  golden.max = GoldenArray::scalar(max);
  return {stem + ".json", stem, golden};
}

} // namespace

TEST(Step, Names) {
  EXPECT_EQ(step_name(Step::RecordMinMax), "record_minmax");
  EXPECT_EQ(step_from_name("wo_quantization"), Step::WoQuantization);
  EXPECT_FALSE(step_from_name("quantize"));
}

TEST(Check, RangeMismatchesAreMeasuredWithTheQuantizationGoldensScale) {
  ir::Model model;
  model.tensors = {recorded("ofm", 0, 2.5625f), recorded("ifm", 0.5f, 1)};
  Golden ofm_quantized;
  ofm_quantized.scale = GoldenArray::scalar(0.0125);
  std::vector<GoldenFile> quantization = {{"ofm.json", "ofm", ofm_quantized}};
  auto checks =
      check_goldens(Step::RecordMinMax, {range_golden("ofm", 0, 2.5), range_golden("ifm", 0, 1)},
                    model, Tolerances{}, &quantization);
  ASSERT_EQ(checks.size(), 2u);
  ASSERT_EQ(checks[0].mismatches.size(), 1u);
  const Mismatch &max = checks[0].mismatches[0];
  ASSERT_TRUE(max.diff_steps);
  EXPECT_EQ(*max.diff_steps, 5);
  EXPECT_EQ(max.describe().find("max[0] expected 2.5 got 2.5625 (diff 0.0625, 5 steps)"), 0u)
      << max.describe();
  ASSERT_EQ(checks[1].mismatches.size(), 1u);
  EXPECT_FALSE(checks[1].mismatches[0].diff_steps); // no quantization golden: no scale known
}

TEST(Check, AGoldenNoTensorHasFailsWithAnError) {
  ir::Model model;
  model.tensors = {recorded("ifm", 0, 1)};
  auto checks = check_goldens(Step::RecordMinMax, {range_golden("gone", 0, 1)}, model, {});
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].error, "no tensor of the model has this golden's name");
  EXPECT_TRUE(checks[0].failed());
}

// A golden of a tensor whose name starts with '.' counts; a temporary of
// qgold's writers does not; a golden that is not valid JSON is a broken suite.
TEST(GoldenFiles, ListsEveryGoldenButTemporariesAndRefusesBrokenOnes) {
  test_util::TempDir dir;
  dir.write("b.json", "{\"min\": 0, \"max\": 1}");
  dir.write(".._up.json", "{\"min\": 0, \"max\": 1}");
  dir.write(".b.json.tmp-123-4", "{");
  dir.write("notes.txt", "");
  std::vector<GoldenFile> goldens = read_golden_folder(dir.path);
  ASSERT_EQ(goldens.size(), 2u);
  EXPECT_EQ(goldens[0].stem, ".._up");
  EXPECT_EQ(goldens[1].stem, "b");
  EXPECT_TRUE(list_golden_files(dir.path / "missing").empty());
  dir.write("c.json", "{\"min\": 0, ");
  try {
    read_golden_folder(dir.path);
    ADD_FAILURE() << "expected a SuiteError";
  } catch (const SuiteError &error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr((dir.path / "c.json").string() +
                                                   ": not valid JSON"));
  }
}

} // namespace qgold::harness
