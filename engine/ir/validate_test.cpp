#include "ir/validate.h"

#include <gtest/gtest.h>

namespace qgold::ir {
namespace {

Tensor make_tensor(std::string name, Shape shape, DType dtype = DType::Float32) {
  Tensor t;
  t.name = std::move(name);
  t.shape = std::move(shape);
  t.dtype = dtype;
  return t;
}

// in [1,4,4,2] -> Relu -> mid -> Add(mid, k) -> out; k is a constant.
Model two_op_model() {
  Model m;
  m.add_tensor(make_tensor("in", {1, 4, 4, 2}));
  m.add_tensor(make_tensor("mid", {1, 4, 4, 2}));
  Tensor k = make_tensor("k", {2});
  k.set_values<float>(std::vector<float>{1.0f, 2.0f});
  m.add_tensor(std::move(k));
  m.add_tensor(make_tensor("out", {1, 4, 4, 2}));
  m.operators.push_back({OpCode::Relu, {0}, {1}, std::monostate{}});
  m.operators.push_back({OpCode::Add, {1, 2}, {3}, ElementwiseOptions{}});
  m.inputs = {0};
  m.outputs = {3};
  return m;
}

// Runs validate_model expecting a ModelError whose message holds `needle`.
ModelError expect_error(const Model &model, const std::string &needle) {
  try {
    validate_model(model);
  } catch (const ModelError &e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    return e;
  }
  ADD_FAILURE() << "expected ModelError containing: " << needle;
  return ModelError("");
}

TEST(Validate, AcceptsAWellFormedModel) { EXPECT_NO_THROW(validate_model(two_op_model())); }

TEST(Validate, RejectsOutOfRangeTensorIndex) {
  Model m = two_op_model();
  m.operators[1].inputs[1] = 9;
  auto e = expect_error(m, "Add (op 1): input 1 refers to tensor 9, but the model has 4 tensors");
  EXPECT_EQ(e.op_index, 1);
}

TEST(Validate, RejectsWrongOperandCounts) {
  Model m = two_op_model();
  m.operators[1].inputs = {1};
  expect_error(m, "Add (op 1): expected 2 inputs, got 1");
  m = two_op_model();
  m.operators[0].outputs = {1, 3};
  expect_error(m, "ReLU (op 0): expected 1 outputs, got 2");
}

TEST(Validate, AbsentInputOnlyWhereOptional) {
  Model m = two_op_model();
  m.operators[1].inputs[1] = -1;
  expect_error(m, "input 1 is absent (-1) but is not optional");

  Model fc;
  fc.add_tensor(make_tensor("in", {1, 3}));
  Tensor w = make_tensor("w", {2, 3});
  w.set_values<float>(std::vector<float>(6, 0.5f));
  fc.add_tensor(std::move(w));
  fc.add_tensor(make_tensor("out", {1, 2}));
  fc.operators.push_back({OpCode::FullyConnected, {0, 1, -1}, {2}, FullyConnectedOptions{}});
  fc.inputs = {0};
  fc.outputs = {2};
  EXPECT_NO_THROW(validate_model(fc));
}

TEST(Validate, RejectsDanglingInput) {
  Model m = two_op_model();
  m.inputs.clear();
  auto e = expect_error(m, "ReLU (op 0): input 0 'in' (tensor 0) is dangling");
  EXPECT_EQ(e.tensor_index, 0);
}

TEST(Validate, RejectsUseBeforeProduction) {
  Model m = two_op_model();
  std::swap(m.operators[0], m.operators[1]);
  auto e = expect_error(m, "Add (op 0): input 0 'mid' (tensor 1) is read before it is produced "
                           "by ReLU (op 1)");
  EXPECT_EQ(e.op_index, 0);
}

TEST(Validate, RejectsCycleThroughOwnOutput) {
  Model m = two_op_model();
  m.operators[1].inputs = {1, 3}; // Add reads its own output
  expect_error(m, "'out' (tensor 3) is read before it is produced by Add (op 1)");
}

TEST(Validate, RejectsDuplicateAndEmptyNames) {
  Model m = two_op_model();
  m.tensors[3].name = "mid";
  expect_error(m, "tensor 3 'mid': name is already used by tensor 1");
  m.tensors[3].name = "";
  expect_error(m, "tensor names must not be empty");
}

TEST(Validate, RejectsNonFloatActivation) {
  Model m = two_op_model();
  m.tensors[0].dtype = DType::Int32;
  expect_error(m, "input 0 'in' (tensor 0) has dtype INT32, expected FLOAT32");
}

TEST(Validate, AcceptsQuantizedActivationsWithScale) {
  Model m = two_op_model();
  for (int i : {0, 1, 3}) {
    m.tensors[i].dtype = DType::UInt8;
    m.tensors[i].quant = QuantParams{{}, {}, {0.5f}, {128}, 0};
  }
  EXPECT_NO_THROW(validate_model(m));
  m.tensors[1].quant.reset();
  expect_error(m, "output 'mid' (tensor 1) has dtype UINT8");
}

TEST(Validate, RequiresIntegerIndexConstants) {
  Model m;
  m.add_tensor(make_tensor("in", {1, 2, 2, 3}));
  Tensor axis = make_tensor("axis", {}, DType::Int64);
  axis.set_values<int64_t>(std::vector<int64_t>{3});
  m.add_tensor(std::move(axis));
  m.add_tensor(make_tensor("out", {1, 2, 2}, DType::Int64));
  m.operators.push_back({OpCode::ArgMax, {0, 1}, {2}, ArgOptions{DType::Int64}});
  m.inputs = {0};
  m.outputs = {2};
  EXPECT_NO_THROW(validate_model(m)); // an INT64 axis, which TFLite's ArgMax takes
  m.tensors[1].dtype = DType::Float32;
  m.tensors[1].set_values<float>(std::vector<float>{3});
  expect_error(m, "input 1 'axis' (tensor 1) has dtype FLOAT32, expected INT32 or INT64");
}

TEST(Validate, CastTakesEveryDtypeItConvertsAndDeclaresItsOutput) {
  Model m;
  m.add_tensor(make_tensor("in", {3}));
  m.add_tensor(make_tensor("bytes", {3}, DType::UInt8));
  m.add_tensor(make_tensor("out", {3}));
  CastOptions to_bytes{DType::Float32, DType::UInt8}, to_float{DType::UInt8, DType::Float32};
  m.operators.push_back({OpCode::Cast, {0}, {1}, to_bytes});
  m.operators.push_back({OpCode::Cast, {1}, {2}, to_float});
  m.inputs = {0};
  m.outputs = {2};
  EXPECT_NO_THROW(validate_model(m)); // a plain UINT8 tensor between two Casts
  m.tensors[1].dtype = DType::Int16;
  expect_error(
      m,
      "output 'bytes' (tensor 1) has dtype INT16, expected UINT8 (the dtype its options declare)");
  m.tensors[1].dtype = DType::Float16;
  m.operators[0].options = CastOptions{DType::Float32, DType::Float16};
  expect_error(m, "has dtype FLOAT16, expected FLOAT32, INT32, INT64, BOOL, UINT8, INT8 or INT16");
}

TEST(Validate, RejectsDeclaredShapeDifferentFromInferred) {
  Model m = two_op_model();
  m.tensors[3].shape = {1, 4, 4, 3};
  auto e = expect_error(m, "Add (op 1): output 'out' (tensor 3) is declared with shape "
                           "[1,4,4,3], but the inputs give [1,4,4,2]");
  EXPECT_EQ(e.tensor_index, 3);
}

TEST(Validate, RejectsConstantDataOfTheWrongSize) {
  Model m = two_op_model();
  m.tensors[2].set_values<float>(std::vector<float>{1.0f});
  expect_error(m, "tensor 2 'k': constant data has 4 bytes, expected 8");
}

TEST(Validate, RejectsTwoWritersAndWrongOptions) {
  Model m = two_op_model();
  m.operators[1].inputs = {0, 2};
  m.operators[1].outputs = {1};
  m.tensors[1].shape = {1, 4, 4, 2};
  expect_error(m, "output 'mid' (tensor 1) is already produced by an earlier operator");
  m = two_op_model();
  m.operators[1].options = Conv2DOptions{};
  expect_error(m, "Add (op 1): carries options of the wrong kind");
}

TEST(Validate, RejectsBadGraphInputsAndOutputs) {
  Model m = two_op_model();
  m.outputs = {5};
  expect_error(m, "graph output refers to tensor 5");
  m = two_op_model();
  m.inputs = {0, 2};
  expect_error(m, "tensor 2 'k': a graph input must not be a constant");
}

} // namespace
} // namespace qgold::ir
