#include "harness/golden/golden.h"

#include "ir/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace qgold;
using namespace qgold::harness;

namespace {

const std::filesystem::path kSuite = QGOLD_SHARED_DIR "/conformance/one-pota";

std::string file_text(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

#define REQUIRE_SUITE()                                                                            \
  if (!std::filesystem::exists(kSuite))                                                            \
  GTEST_SKIP() << kSuite << " not present"

std::string parse_error(const std::string &text) {
  try {
    parse_golden(text, "g.json");
  } catch (const InputError &error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(Golden, ReadsPerChannelQuantizedKernel) {
  REQUIRE_SUITE();
  Golden golden = read_golden(kSuite / "expected_outputs/Conv2D_004/channel/uint8/quantization/ker.json");
  ASSERT_TRUE(golden.weights);
  EXPECT_EQ(golden.weights->shape, (ir::Shape{2, 2, 2, 2}));
  EXPECT_TRUE(golden.weights->integral);
  EXPECT_EQ(golden.weights->ints, (std::vector<int64_t>{136, 153, 68, 51, 34, 221, 0, 255, 204, 102,
                                                        187, 119, 0, 34, 255, 221}));
  ASSERT_TRUE(golden.zero_point);
  EXPECT_FALSE(golden.zero_point->integral); // written as 119.0
  EXPECT_EQ(golden.zero_point->floats, (std::vector<double>{119.0, 136.0}));
  ASSERT_TRUE(golden.scale);
  EXPECT_EQ(golden.scale->floats, (std::vector<double>{15.0 / 255, 15.0 / 255}));
  EXPECT_EQ(golden.min->floats, (std::vector<double>{-7.0, -8.0}));
  EXPECT_EQ(golden.max->floats, (std::vector<double>{8.0, 7.0}));
}

TEST(Golden, ReadsPython2SeparatorsAndScalars) {
  REQUIRE_SUITE();
  auto path = kSuite / "expected_outputs/Conv2D_004/layer/uint8/quantization/ker.json";
  ASSERT_NE(file_text(path).find(", \n"), std::string::npos) << "expected a Python 2 style file";
  Golden golden = read_golden(path);
  ASSERT_TRUE(golden.scale && golden.zero_point && golden.min && golden.max && golden.weights);
  EXPECT_TRUE(golden.scale->is_scalar);
  EXPECT_EQ(golden.scale->at(0), 0.06274509803921569);
  EXPECT_EQ(golden.zero_point->at(0), 128.0);
  EXPECT_EQ(golden.min->at(0), -8.031372549019608);
  EXPECT_EQ(golden.weights->shape, (ir::Shape{2, 2, 2, 2}));
  EXPECT_EQ(golden.weights->ints.front(), 144);
}

TEST(Golden, ReadsRecordMinMaxScalars) {
  REQUIRE_SUITE();
  Golden golden = read_golden(kSuite / "expected_outputs/Conv2D_004/channel/uint8/record_minmax/ifm.json");
  EXPECT_FALSE(golden.weights || golden.scale || golden.zero_point);
  ASSERT_TRUE(golden.min && golden.max);
  EXPECT_TRUE(golden.min->is_scalar);
  EXPECT_EQ(golden.min->at(0), 0.022708916887640953);
  EXPECT_EQ(golden.max->at(0), 0.9911645770072937);
}

// ONE's Python 3 goldens are json.dumps(indent=2) in our key order, so reading
// and writing them must reproduce the file byte for byte.
TEST(Golden, RewritingSuiteGoldensIsByteIdentical) {
  REQUIRE_SUITE();
  int compared = 0;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(kSuite / "expected_outputs")) {
    if (entry.path().extension() != ".json")
      continue;
    std::string text = file_text(entry.path());
    if (text.find(", \n") != std::string::npos)
      continue; // Python 2 layout
    EXPECT_EQ(golden_to_json(read_golden(entry.path())), text) << entry.path();
    ++compared;
  }
  EXPECT_GE(compared, 50);
}

TEST(Golden, WriterTextIsExact) {
  Golden golden;
  golden.weights = GoldenArray::int_list({1, -2, 3, 4}, {2, 2});
  golden.scale = GoldenArray::list({0.5, 1e-05});
  golden.zero_point = GoldenArray::scalar(119);
  golden.max = GoldenArray::float_list({}, {0});
  EXPECT_EQ(golden_to_json(golden), "{\n"
                                    "  \"weights\": [\n"
                                    "    [\n"
                                    "      1,\n"
                                    "      -2\n"
                                    "    ],\n"
                                    "    [\n"
                                    "      3,\n"
                                    "      4\n"
                                    "    ]\n"
                                    "  ],\n"
                                    "  \"scale\": [\n"
                                    "    0.5,\n"
                                    "    1e-05\n"
                                    "  ],\n"
                                    "  \"zero_point\": 119.0,\n"
                                    "  \"max\": []\n"
                                    "}\n");
  EXPECT_EQ(golden_to_json(Golden{}), "{}\n");
}

TEST(Golden, WriterIsDeterministicAndRoundTrips) {
  Golden golden;
  golden.weights = GoldenArray::float_list({1.0039215087890625, -0.1, 3e20, 0}, {1, 4});
  golden.min = GoldenArray::scalar(-25.874579315185546);
  std::string text = golden_to_json(golden);
  EXPECT_EQ(golden_to_json(golden), text);
  Golden back = parse_golden(text, "x.json");
  EXPECT_EQ(golden_to_json(back), text);
  EXPECT_EQ(back.weights->floats, golden.weights->floats);
  EXPECT_EQ(back.min->at(0), -25.874579315185546);
}

TEST(Golden, PythonFloatRepr) {
  EXPECT_EQ(python_float_repr(1.0), "1.0");
  EXPECT_EQ(python_float_repr(-0.0), "-0.0");
  EXPECT_EQ(python_float_repr(0.1), "0.1");
  EXPECT_EQ(python_float_repr(119.0), "119.0");
  EXPECT_EQ(python_float_repr(0.0001), "0.0001");
  EXPECT_EQ(python_float_repr(0.00001), "1e-05");
  EXPECT_EQ(python_float_repr(0.000015), "1.5e-05");
  EXPECT_EQ(python_float_repr(1234567890123456.0), "1234567890123456.0");
  EXPECT_EQ(python_float_repr(1e16), "1e+16");
  EXPECT_EQ(python_float_repr(2.5e-300), "2.5e-300");
  EXPECT_EQ(python_float_repr(double(1.0039215f)), "1.0039215087890625");
  EXPECT_EQ(python_float_repr(0.058823529411764705), "0.058823529411764705");
}

TEST(Golden, MalformedGoldensNameFileAndPath) {
  EXPECT_NE(parse_error("{\"weights\": [[1, 2], [3]]}").find("g.json: golden key weights[1]"),
            std::string::npos);
  EXPECT_NE(parse_error("{\"scale\": [1, \"a\"]}").find("scale[1]"), std::string::npos);
  EXPECT_NE(parse_error("{\"weights\": [[1], 2]}").find("weights[1]"), std::string::npos);
  EXPECT_NE(parse_error("{\"min\": null}").find("min"), std::string::npos);
  EXPECT_NE(parse_error("{\"offset\": 1}").find("unknown golden key 'offset'"), std::string::npos);
  EXPECT_NE(parse_error("[1, 2]").find("g.json: golden must be a JSON object"), std::string::npos);
  EXPECT_NE(parse_error("{\"max\": 1,").find("g.json: not valid JSON"), std::string::npos);
  EXPECT_NE(parse_error("{\"weights\": " + std::string(40, '[') + std::string(40, ']') + "}")
                .find("nested deeper than 16"),
            std::string::npos);
  EXPECT_THROW(read_golden("/nonexistent/x.json"), InputError);
}

TEST(Golden, IntegersAndFloatsMixedBecomeFloats) {
  Golden golden = parse_golden("{\"weights\": [1, 2.5, -3]}", "g.json");
  EXPECT_FALSE(golden.weights->integral);
  EXPECT_EQ(golden.weights->floats, (std::vector<double>{1, 2.5, -3}));
  EXPECT_EQ(golden.weights->shape, (ir::Shape{3}));
}

TEST(Golden, ViewOfQuantizedTensorIsItsDumpRecord) {
  ir::Tensor tensor;
  tensor.name = "ker";
  tensor.dtype = ir::DType::UInt8;
  tensor.shape = {2, 1};
  std::vector<uint8_t> codes{7, 250};
  tensor.set_values<uint8_t>(codes);
  tensor.quant = ir::QuantParams{{}, {}, {0.5f, 0.25f}, {3, 4}, 0};
  Golden view = golden_view(tensor);
  ASSERT_TRUE(view.weights && view.scale && view.zero_point);
  EXPECT_FALSE(view.min || view.max);
  EXPECT_EQ(view.weights->ints, (std::vector<int64_t>{7, 250}));
  EXPECT_EQ(view.weights->shape, (ir::Shape{2, 1}));
  EXPECT_EQ(view.scale->floats, (std::vector<double>{0.5, 0.25}));
  EXPECT_EQ(view.zero_point->floats, (std::vector<double>{3.0, 4.0}));
  EXPECT_NE(golden_to_json(view).find("\"zero_point\": [\n    3.0,"), std::string::npos);
}

TEST(Golden, ViewRejectsDataOfWrongSize) {
  ir::Tensor tensor;
  tensor.name = "w";
  tensor.dtype = ir::DType::Float32;
  tensor.shape = {3};
  tensor.data.emplace(8);
  EXPECT_THROW(golden_view(tensor), InputError);
  tensor.dtype = ir::DType::Bool;
  tensor.data.emplace(3);
  EXPECT_THROW(golden_view(tensor), UnsupportedError);
}
