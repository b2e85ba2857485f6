#include "ir/validate.h"

#include <gtest/gtest.h>

namespace qgold::ir {
namespace {

// Builds single-op models: tensors first, then the op reading/writing them.
struct OpBuilder {
  Model model;

  int32_t tensor(Shape shape, DType dtype = DType::Float32) {
    Tensor t;
    t.name = "t" + std::to_string(model.tensors.size());
    t.dtype = dtype;
    t.shape = std::move(shape);
    return model.add_tensor(std::move(t));
  }
  int32_t int32_const(Shape shape, std::vector<int32_t> values) {
    int32_t index = tensor(std::move(shape), DType::Int32);
    model.tensors[index].set_values<int32_t>(values);
    return index;
  }
  std::vector<Shape> infer(OpCode code, std::vector<int32_t> inputs, Options options) {
    model.operators.push_back({code, std::move(inputs), {}, std::move(options)});
    return infer_output_shapes(model, model.operators.back());
  }
  Shape infer1(OpCode code, std::vector<int32_t> inputs, Options options) {
    auto shapes = infer(code, std::move(inputs), std::move(options));
    EXPECT_EQ(shapes.size(), 1u);
    return shapes.empty() ? Shape{} : shapes[0];
  }
};

Conv2DOptions conv(Padding padding, int32_t sh, int32_t sw, int32_t dh = 1, int32_t dw = 1) {
  Conv2DOptions o;
  o.padding = padding;
  o.stride_h = sh;
  o.stride_w = sw;
  o.dilation_h_factor = dh;
  o.dilation_w_factor = dw;
  return o;
}

TEST(ShapeInference, Conv2DValidStrideMatchesConv2D004) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 3, 2}), ker = b.tensor({2, 2, 2, 2}), bias = b.tensor({2});
  // H: (4-2)/2+1 = 2, W: (3-2)/1+1 = 2, channels = O = 2.
  EXPECT_EQ(b.infer1(OpCode::Conv2D, {in, ker, bias}, conv(Padding::Valid, 2, 1)),
            (Shape{1, 2, 2, 2}));
}

TEST(ShapeInference, Conv2DSameIsCeilOfInputOverStride) {
  OpBuilder b;
  int32_t in = b.tensor({2, 7, 5, 3}), ker = b.tensor({8, 3, 3, 3});
  // ceil(7/2) = 4, ceil(5/3) = 2.
  EXPECT_EQ(b.infer1(OpCode::Conv2D, {in, ker, -1}, conv(Padding::Same, 2, 3)),
            (Shape{2, 4, 2, 8}));
}

TEST(ShapeInference, Conv2DValidWithDilation) {
  OpBuilder b;
  int32_t in = b.tensor({1, 9, 8, 1}), ker = b.tensor({1, 3, 2, 1});
  // effective kernel H = (3-1)*2+1 = 5 -> ceil((9-4)/1) = 5; W = (2-1)*3+1 = 4 -> ceil((8-3)/2) = 3.
  EXPECT_EQ(b.infer1(OpCode::Conv2D, {in, ker}, conv(Padding::Valid, 1, 2, 2, 3)),
            (Shape{1, 5, 3, 1}));
}

TEST(ShapeInference, Conv2DValidKernelExactlyInputGivesOne) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 3, 1}), ker = b.tensor({4, 3, 3, 1});
  EXPECT_EQ(b.infer1(OpCode::Conv2D, {in, ker}, conv(Padding::Valid, 5, 5)), (Shape{1, 1, 1, 4}));
}

TEST(ShapeInference, Conv2DRejectsKernelLargerThanInputWithValid) {
  OpBuilder b;
  int32_t in = b.tensor({1, 2, 5, 1}), ker = b.tensor({1, 3, 1, 1});
  EXPECT_THROW(b.infer(OpCode::Conv2D, {in, ker}, conv(Padding::Valid, 1, 1)), ModelError);
}

TEST(ShapeInference, Conv2DRejectsChannelMismatchNamingTensors) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 4, 3}), ker = b.tensor({2, 1, 1, 2});
  try {
    b.infer(OpCode::Conv2D, {in, ker}, conv(Padding::Valid, 1, 1));
    FAIL() << "expected ModelError";
  } catch (const ModelError &e) {
    EXPECT_EQ(e.op_index, 0);
    EXPECT_EQ(e.tensor_index, ker);
    std::string message = e.what();
    EXPECT_NE(message.find("Conv2D (op 0)"), std::string::npos) << message;
    EXPECT_NE(message.find("'t1'"), std::string::npos) << message;
    EXPECT_NE(message.find("has 2 input channels"), std::string::npos) << message;
  }
}

TEST(ShapeInference, Conv2DRejectsZeroStrideAndBadBias) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 4, 1}), ker = b.tensor({2, 1, 1, 1}), bias = b.tensor({3});
  EXPECT_THROW(b.infer(OpCode::Conv2D, {in, ker}, conv(Padding::Same, 0, 1)), ModelError);
  EXPECT_THROW(b.infer(OpCode::Conv2D, {in, ker, bias}, conv(Padding::Same, 1, 1)), ModelError);
}

TEST(ShapeInference, DepthwiseConvWithDepthMultiplier) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 2, 2}), ker = b.tensor({1, 2, 2, 4}), bias = b.tensor({4});
  DepthwiseConv2DOptions o;
  o.stride_h = 2;
  o.depth_multiplier = 2;
  // DepthwiseConv2D_002: H (4-2)/2+1 = 2, W (2-2)/1+1 = 1, C*M = 4.
  EXPECT_EQ(b.infer1(OpCode::DepthwiseConv2D, {in, ker, bias}, o), (Shape{1, 2, 1, 4}));
  o.depth_multiplier = 1;
  EXPECT_THROW(b.infer(OpCode::DepthwiseConv2D, {in, ker, bias}, o), ModelError);
}

TEST(ShapeInference, TransposeConvTakesTheConstantOutputShape) {
  OpBuilder b;
  int32_t out_shape = b.int32_const({4}, {1, 8, 7, 5});
  int32_t weights = b.tensor({5, 3, 3, 2}), in = b.tensor({1, 4, 4, 2}), bias = b.tensor({5});
  TransposeConvOptions o;
  o.padding = Padding::Same;
  o.stride_h = o.stride_w = 2;
  // Forward SAME conv of 8x7 with stride 2 gives ceil(8/2)=4 x ceil(7/2)=4.
  EXPECT_EQ(b.infer1(OpCode::TransposeConv, {out_shape, weights, in, bias}, o),
            (Shape{1, 8, 7, 5}));
  o.padding = Padding::Valid; // (8-3)/2+1 = 3 != 4
  EXPECT_THROW(b.infer(OpCode::TransposeConv, {out_shape, weights, in, bias}, o), ModelError);
}

TEST(ShapeInference, TransposeConvRejectsNonConstantOrNonInt32OutputShape) {
  OpBuilder b;
  int32_t activation = b.tensor({4}, DType::Int32);
  int32_t weights = b.tensor({1, 1, 1, 1}), in = b.tensor({1, 2, 2, 1});
  EXPECT_THROW(b.infer(OpCode::TransposeConv, {activation, weights, in}, TransposeConvOptions{}),
               ModelError);
  int32_t floats = b.tensor({4});
  b.model.tensors[floats].set_values<float>(std::vector<float>{1, 2, 2, 1});
  EXPECT_THROW(b.infer(OpCode::TransposeConv, {floats, weights, in}, TransposeConvOptions{}),
               ModelError);
}

TEST(ShapeInference, PoolsUseFilterSizeAndPadding) {
  OpBuilder b;
  int32_t in = b.tensor({1, 8, 8, 3});
  Pool2DOptions o;
  o.filter_height = o.filter_width = 2;
  EXPECT_EQ(b.infer1(OpCode::MaxPool2D, {in}, o), (Shape{1, 7, 7, 3})); // MaxPool2D_000
  o.stride_h = 3;
  o.stride_w = 2;
  o.filter_height = 3;
  EXPECT_EQ(b.infer1(OpCode::AveragePool2D, {in}, o), (Shape{1, 2, 4, 3})); // (8-3)/3+1, (8-2)/2+1
  o.padding = Padding::Same;
  EXPECT_EQ(b.infer1(OpCode::AveragePool2D, {in}, o), (Shape{1, 3, 4, 3})); // ceil(8/3), ceil(8/2)
}

TEST(ShapeInference, FullyConnectedFlattensOrKeepsDims) {
  OpBuilder b;
  int32_t in = b.tensor({2, 3, 4}), weights = b.tensor({5, 4}), bias = b.tensor({5});
  FullyConnectedOptions o;
  EXPECT_EQ(b.infer1(OpCode::FullyConnected, {in, weights, bias}, o), (Shape{6, 5}));
  o.keep_num_dims = true;
  EXPECT_EQ(b.infer1(OpCode::FullyConnected, {in, weights, -1}, o), (Shape{2, 3, 5}));
  int32_t odd = b.tensor({1, 7});
  EXPECT_THROW(b.infer(OpCode::FullyConnected, {odd, weights}, FullyConnectedOptions{}), ModelError);
}

TEST(ShapeInference, ElementwiseBroadcasting) {
  OpBuilder b;
  int32_t a = b.tensor({2, 1, 3}), c = b.tensor({4, 1}), scalar = b.tensor({});
  EXPECT_EQ(b.infer1(OpCode::Add, {a, c}, ElementwiseOptions{}), (Shape{2, 4, 3}));
  EXPECT_EQ(b.infer1(OpCode::Mul, {scalar, a}, ElementwiseOptions{}), (Shape{2, 1, 3}));
  int32_t bad = b.tensor({2, 2});
  EXPECT_THROW(b.infer(OpCode::Sub, {a, bad}, ElementwiseOptions{}), ModelError);
}

TEST(ShapeInference, PReluAlphaMustBroadcastToInput) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 4, 3}), alpha = b.tensor({1, 1, 3}), big = b.tensor({2, 4, 4, 3});
  EXPECT_EQ(b.infer1(OpCode::PRelu, {in, alpha}, std::monostate{}), (Shape{1, 4, 4, 3}));
  EXPECT_THROW(b.infer(OpCode::PRelu, {in, big}, std::monostate{}), ModelError);
}

TEST(ShapeInference, MeanWithNegativeAxesAndKeepDims) {
  OpBuilder b;
  int32_t in = b.tensor({1, 8, 6, 12}), axes = b.int32_const({2}, {1, -2});
  ReducerOptions o;
  o.keep_dims = true;
  EXPECT_EQ(b.infer1(OpCode::Mean, {in, axes}, o), (Shape{1, 1, 1, 12}));
  EXPECT_EQ(b.infer1(OpCode::Mean, {in, axes}, ReducerOptions{}), (Shape{1, 12}));
  int32_t bad = b.int32_const({1}, {4});
  EXPECT_THROW(b.infer(OpCode::Mean, {in, bad}, o), ModelError);
}

TEST(ShapeInference, ConcatenationAlongNegativeAxis) {
  OpBuilder b;
  int32_t x = b.tensor({1, 2, 2, 1}), y = b.tensor({1, 2, 2, 2});
  ConcatenationOptions o;
  o.axis = -1;
  EXPECT_EQ(b.infer1(OpCode::Concatenation, {x, y}, o), (Shape{1, 2, 2, 3}));
  o.axis = 1;
  EXPECT_THROW(b.infer(OpCode::Concatenation, {x, y}, o), ModelError);
  o.axis = 4;
  EXPECT_THROW(b.infer(OpCode::Concatenation, {x, y}, o), ModelError);
}

TEST(ShapeInference, SplitIntoEqualParts) {
  OpBuilder b;
  int32_t axis = b.int32_const({}, {-1}), in = b.tensor({2, 6});
  SplitOptions o;
  o.num_splits = 3;
  EXPECT_EQ(b.infer(OpCode::Split, {axis, in}, o), (std::vector<Shape>(3, Shape{2, 2})));
  o.num_splits = 4;
  EXPECT_THROW(b.infer(OpCode::Split, {axis, in}, o), ModelError);
}

TEST(ShapeInference, ReshapeFromConstantOrOption) {
  OpBuilder b;
  int32_t in = b.tensor({2, 3, 4}), shape = b.int32_const({2}, {-1, 6});
  EXPECT_EQ(b.infer1(OpCode::Reshape, {in, shape}, ReshapeOptions{}), (Shape{4, 6}));
  ReshapeOptions o;
  o.new_shape = {24};
  EXPECT_EQ(b.infer1(OpCode::Reshape, {in}, o), (Shape{24}));
  o.new_shape = {-1, -1};
  EXPECT_THROW(b.infer(OpCode::Reshape, {in}, o), ModelError);
  o.new_shape = {5, 5};
  EXPECT_THROW(b.infer(OpCode::Reshape, {in}, o), ModelError);
}

TEST(ShapeInference, PadAddsBeforeAndAfter) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 3, 2}), pads = b.int32_const({4, 2}, {0, 0, 1, 2, 0, 1, 0, 0});
  EXPECT_EQ(b.infer1(OpCode::Pad, {in, pads}, std::monostate{}), (Shape{1, 6, 4, 2}));
  int32_t wrong_rank = b.int32_const({3, 2}, {0, 0, 0, 0, 0, 0});
  EXPECT_THROW(b.infer(OpCode::Pad, {in, wrong_rank}, std::monostate{}), ModelError);
}

TEST(ShapeInference, InstanceNormKeepsShapeAndChecksGammaBeta) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 3, 4}), gamma = b.tensor({4}), beta = b.tensor({4}),
          wrong = b.tensor({3});
  EXPECT_EQ(b.infer1(OpCode::InstanceNorm, {in, gamma, beta}, InstanceNormOptions{}),
            (Shape{1, 3, 3, 4}));
  EXPECT_THROW(b.infer(OpCode::InstanceNorm, {in, gamma, wrong}, InstanceNormOptions{}),
               ModelError);
}

TEST(ShapeInference, ElementwiseUnaryOpsKeepTheInputShape) {
  for (OpCode code : {OpCode::Softmax, OpCode::Logistic, OpCode::Tanh, OpCode::Relu, OpCode::Relu6,
                      OpCode::Quantize, OpCode::Dequantize}) {
    OpBuilder b;
    int32_t in = b.tensor({3, 5});
    EXPECT_EQ(b.infer1(code, {in}, default_options(code)), (Shape{3, 5})) << op_name(code);
  }
}

TEST(ShapeInference, ElementwiseFamilyUnaryOpsKeepTheInputShape) {
  for (OpCode code :
       {OpCode::Abs, OpCode::Cos, OpCode::Sin, OpCode::Exp, OpCode::Log, OpCode::Neg, OpCode::Sqrt,
        OpCode::Rsqrt, OpCode::Square, OpCode::Floor, OpCode::Elu, OpCode::HardSwish, OpCode::Gelu,
        OpCode::LeakyRelu, OpCode::ReluN1To1, OpCode::Cast}) {
    OpBuilder b;
    int32_t in = b.tensor({1, 4, 4, 3});
    EXPECT_EQ(b.infer1(code, {in}, default_options(code)), (Shape{1, 4, 4, 3})) << op_name(code);
  }
  OpBuilder b;
  int32_t flag = b.tensor({2, 0}, DType::Bool);
  EXPECT_EQ(b.infer1(OpCode::LogicalNot, {flag}, std::monostate{}), (Shape{2, 0}));
}

TEST(ShapeInference, ElementwiseFamilyBinaryOpsBroadcast) {
  for (OpCode code : {OpCode::Div, OpCode::FloorDiv, OpCode::Maximum, OpCode::Minimum, OpCode::Pow,
                      OpCode::SquaredDifference, OpCode::Equal, OpCode::NotEqual, OpCode::Greater,
                      OpCode::GreaterEqual, OpCode::Less, OpCode::LessEqual, OpCode::LogicalAnd,
                      OpCode::LogicalOr}) {
    OpBuilder b;
    int32_t x = b.tensor({2, 1, 3}), y = b.tensor({4, 1}), bad = b.tensor({2, 2});
    EXPECT_EQ(b.infer1(code, {x, y}, default_options(code)), (Shape{2, 4, 3})) << op_name(code);
    EXPECT_THROW(b.infer(code, {x, bad}, default_options(code)), ModelError) << op_name(code);
  }
}

TEST(ShapeInference, SelectConditionIsLikeTheBranchesARowVectorOrAScalar) {
  OpBuilder b;
  int32_t t = b.tensor({2, 3}), e = b.tensor({2, 3}), same = b.tensor({2, 3}, DType::Bool),
          rows = b.tensor({2}, DType::Bool), scalar = b.tensor({}, DType::Bool),
          columns = b.tensor({3}, DType::Bool), other = b.tensor({1, 3});
  EXPECT_EQ(b.infer1(OpCode::Select, {same, t, e}, std::monostate{}), (Shape{2, 3}));
  EXPECT_EQ(b.infer1(OpCode::Select, {rows, t, e}, std::monostate{}), (Shape{2, 3}));
  EXPECT_EQ(b.infer1(OpCode::Select, {scalar, t, e}, std::monostate{}), (Shape{2, 3}));
  // Select does not broadcast: a condition along the last axis, or differing branches, fail.
  EXPECT_THROW(b.infer(OpCode::Select, {columns, t, e}, std::monostate{}), ModelError);
  EXPECT_THROW(b.infer(OpCode::Select, {same, t, other}, std::monostate{}), ModelError);
}

TEST(ShapeInference, SelectV2BroadcastsAllThree) {
  OpBuilder b;
  int32_t condition = b.tensor({2, 1, 1}, DType::Bool), t = b.tensor({1, 3}), e = b.tensor({4, 1}),
          bad = b.tensor({3, 1});
  EXPECT_EQ(b.infer1(OpCode::SelectV2, {condition, t, e}, std::monostate{}), (Shape{2, 4, 3}));
  EXPECT_THROW(b.infer(OpCode::SelectV2, {condition, bad, e}, std::monostate{}), ModelError);
}

TEST(ShapeInference, OutOfRangeInputIsAnErrorNotACrash) {
  OpBuilder b;
  EXPECT_THROW(b.infer(OpCode::Relu, {7}, std::monostate{}), ModelError);
  EXPECT_THROW(b.infer(OpCode::Relu, {}, std::monostate{}), ModelError);
}

// ---- Data movement (shapes/movement.cpp, window.cpp, strided_slice.cpp) ----

// The message of the ModelError that `infer` throws, or "" when it does not throw.
template <typename F> std::string shape_error(F infer) {
  try {
    infer();
  } catch (const ModelError &e) {
    return e.what();
  }
  return "";
}

TEST(ShapeInference, TransposeTakesNegativePermAndRefusesRepeats) {
  OpBuilder b;
  int32_t in = b.tensor({2, 3, 4});
  EXPECT_EQ(b.infer1(OpCode::Transpose, {in, b.int32_const({3}, {-1, 0, 1})}, std::monostate{}),
            (Shape{4, 2, 3}));
  const int32_t repeated = b.int32_const({3}, {0, 0, 1});
  EXPECT_NE(shape_error([&] { b.infer(OpCode::Transpose, {in, repeated}, std::monostate{}); })
                .find("twice"),
            std::string::npos);
  const int32_t short_perm = b.int32_const({2}, {1, 0});
  EXPECT_THROW(b.infer(OpCode::Transpose, {in, short_perm}, std::monostate{}), ModelError);
}

TEST(ShapeInference, GatherAxisAndBatchDims) {
  OpBuilder b;
  int32_t params = b.tensor({2, 5, 3}), indices = b.tensor({2, 4}, DType::Int32);
  EXPECT_EQ(b.infer1(OpCode::Gather, {params, indices}, GatherOptions{1, 0}),
            (Shape{2, 2, 4, 3}));
  EXPECT_EQ(b.infer1(OpCode::Gather, {params, indices}, GatherOptions{1, 1}), (Shape{2, 4, 3}));
  EXPECT_EQ(b.infer1(OpCode::Gather, {params, indices}, GatherOptions{-2, -1}), (Shape{2, 4, 3}));
  int32_t scalar = b.tensor({}, DType::Int64);
  EXPECT_EQ(b.infer1(OpCode::Gather, {params, scalar}, GatherOptions{0, 0}), (Shape{5, 3}));
  // batch_dims after the axis, and batch dims that differ.
  EXPECT_THROW(b.infer(OpCode::Gather, {params, indices}, GatherOptions{0, 1}), ModelError);
  int32_t other = b.tensor({3, 4}, DType::Int32);
  EXPECT_THROW(b.infer(OpCode::Gather, {params, other}, GatherOptions{1, 1}), ModelError);
}

TEST(ShapeInference, StridedSliceMasksAndErrors) {
  OpBuilder b;
  int32_t in = b.tensor({1, 8, 8, 3});
  auto slice = [&](std::vector<int32_t> begin, std::vector<int32_t> end,
                   std::vector<int32_t> strides, StridedSliceOptions o) {
    const auto n = static_cast<int32_t>(begin.size());
    return b.infer1(OpCode::StridedSlice,
                    {in, b.int32_const({n}, begin), b.int32_const({n}, end),
                     b.int32_const({n}, strides)},
                    o);
  };
  // x[:, 1:7:2, ::-1, 0]: begin/end masks on dims 0 and 2, shrink on 3.
  StridedSliceOptions o;
  o.begin_mask = o.end_mask = 0b0101;
  o.shrink_axis_mask = 0b1000;
  EXPECT_EQ(slice({0, 1, 0, 0}, {0, 7, 0, 1}, {1, 2, -1, 1}, o), (Shape{1, 3, 8}));
  // x[..., newaxis, 1:]: ellipsis over three dims, a new axis, then the channel slice.
  o = {};
  o.ellipsis_mask = 1;
  o.new_axis_mask = 2;
  EXPECT_EQ(slice({0, 0, 1}, {0, 0, 3}, {1, 1, 1}, o), (Shape{1, 8, 8, 1, 2}));
  // Shrinking with a negative stride writes nothing in TFLite: refused.
  o = {};
  o.shrink_axis_mask = 1;
  EXPECT_NE(shape_error([&] { slice({0}, {1}, {-1}, o); }).find("negative stride"),
            std::string::npos);
  o = {};
  EXPECT_NE(shape_error([&] { slice({0}, {1}, {0}, o); }).find("non-zero"), std::string::npos);
  o.offset = true;
  EXPECT_NE(shape_error([&] { slice({0}, {1}, {1}, o); }).find("offset"), std::string::npos);
}

TEST(ShapeInference, SliceSizeMinusOneTakesTheRest) {
  OpBuilder b;
  int32_t in = b.tensor({2, 5, 3});
  EXPECT_EQ(b.infer1(OpCode::Slice,
                     {in, b.int32_const({3}, {1, 2, 0}), b.int32_const({3}, {1, -1, 2})},
                     std::monostate{}),
            (Shape{1, 3, 2}));
  const int32_t begin = b.int32_const({3}, {0, 4, 0}), size = b.int32_const({3}, {1, 2, 1});
  EXPECT_THROW(b.infer(OpCode::Slice, {in, begin, size}, std::monostate{}), ModelError);
  const int32_t negative = b.int32_const({3}, {0, 0, 0}), bad = b.int32_const({3}, {1, -2, 1});
  EXPECT_THROW(b.infer(OpCode::Slice, {in, negative, bad}, std::monostate{}), ModelError);
}

TEST(ShapeInference, SqueezeAndExpandDims) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 1, 2});
  EXPECT_EQ(b.infer1(OpCode::Squeeze, {in}, SqueezeOptions{}), (Shape{3, 2}));
  EXPECT_EQ(b.infer1(OpCode::Squeeze, {in}, SqueezeOptions{{-2}}), (Shape{1, 3, 2}));
  EXPECT_THROW(b.infer(OpCode::Squeeze, {in}, SqueezeOptions{{1}}), ModelError);
  EXPECT_EQ(b.infer1(OpCode::ExpandDims, {in, b.int32_const({}, {-1})}, std::monostate{}),
            (Shape{1, 3, 1, 2, 1}));
  EXPECT_EQ(b.infer1(OpCode::ExpandDims, {in, b.int32_const({1}, {0})}, std::monostate{}),
            (Shape{1, 1, 3, 1, 2}));
  const int32_t too_far = b.int32_const({}, {5});
  EXPECT_THROW(b.infer(OpCode::ExpandDims, {in, too_far}, std::monostate{}), ModelError);
}

TEST(ShapeInference, PackUnpackAndSplitV) {
  OpBuilder b;
  int32_t x = b.tensor({2, 3}), y = b.tensor({2, 3}), z = b.tensor({3, 2});
  EXPECT_EQ(b.infer1(OpCode::Pack, {x, y}, PackOptions{2, -1}), (Shape{2, 3, 2}));
  EXPECT_EQ(b.infer1(OpCode::Pack, {x, y}, PackOptions{2, 0}), (Shape{2, 2, 3}));
  EXPECT_THROW(b.infer(OpCode::Pack, {x, z}, PackOptions{2, 0}), ModelError);
  EXPECT_THROW(b.infer(OpCode::Pack, {x, y}, PackOptions{3, 0}), ModelError);
  EXPECT_EQ(b.infer(OpCode::Unpack, {x}, UnpackOptions{3, -1}), (std::vector<Shape>(3, Shape{2})));
  EXPECT_THROW(b.infer(OpCode::Unpack, {x}, UnpackOptions{2, 1}), ModelError);
  int32_t in = b.tensor({4, 6});
  EXPECT_EQ(b.infer(OpCode::SplitV, {in, b.int32_const({3}, {1, -1, 2}), b.int32_const({}, {1})},
                    SplitOptions{3}),
            (std::vector<Shape>{{4, 1}, {4, 3}, {4, 2}}));
  const int32_t sizes = b.int32_const({2}, {2, 3}), axis = b.int32_const({}, {-1});
  EXPECT_THROW(b.infer(OpCode::SplitV, {in, sizes, axis}, SplitOptions{2}), ModelError);
}

TEST(ShapeInference, TileAndPads) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 3, 2});
  EXPECT_EQ(b.infer1(OpCode::Tile, {in, b.int32_const({4}, {2, 1, 2, 3})}, std::monostate{}),
            (Shape{2, 3, 6, 6}));
  const int32_t pads = b.int32_const({4, 2}, {0, 0, 2, 2, 3, 3, 0, 0});
  const int32_t value = b.tensor({});
  EXPECT_EQ(b.infer1(OpCode::PadV2, {in, pads, value}, std::monostate{}), (Shape{1, 7, 9, 2}));
  // MirrorPad: SYMMETRIC may pad the whole dim (3), REFLECT one less (2).
  MirrorPadOptions symmetric{MirrorPadMode::Symmetric}, reflect{MirrorPadMode::Reflect};
  EXPECT_EQ(b.infer1(OpCode::MirrorPad, {in, pads}, symmetric), (Shape{1, 7, 9, 2}));
  EXPECT_NE(shape_error([&] { b.infer(OpCode::MirrorPad, {in, pads}, reflect); })
                .find("REFLECT paddings of dim 2 must be at most 2"),
            std::string::npos);
}

TEST(ShapeInference, DepthSpaceAndBatchSpace) {
  OpBuilder b;
  int32_t deep = b.tensor({1, 2, 3, 8});
  EXPECT_EQ(b.infer1(OpCode::DepthToSpace, {deep}, BlockSizeOptions{2}), (Shape{1, 4, 6, 2}));
  EXPECT_THROW(b.infer(OpCode::DepthToSpace, {deep}, BlockSizeOptions{3}), ModelError);
  EXPECT_EQ(b.infer1(OpCode::SpaceToDepth, {b.tensor({1, 4, 6, 2})}, BlockSizeOptions{2}),
            (Shape{1, 2, 3, 8}));
  int32_t image = b.tensor({2, 5, 6, 3});
  EXPECT_EQ(b.infer1(OpCode::SpaceToBatchND,
                     {image, b.int32_const({2}, {2, 3}), b.int32_const({2, 2}, {1, 0, 0, 0})},
                     std::monostate{}),
            (Shape{12, 3, 2, 3}));
  int32_t batched = b.tensor({12, 3, 2, 3});
  EXPECT_EQ(b.infer1(OpCode::BatchToSpaceND,
                     {batched, b.int32_const({2}, {2, 3}), b.int32_const({2, 2}, {1, 0, 0, 0})},
                     std::monostate{}),
            (Shape{2, 5, 6, 3}));
  const int32_t block = b.int32_const({2}, {2, 2}), uneven = b.int32_const({2, 2}, {0, 0, 0, 0});
  EXPECT_THROW(b.infer(OpCode::SpaceToBatchND, {image, block, uneven}, std::monostate{}),
               ModelError);
}

TEST(ShapeInference, ShapeAndOneHot) {
  OpBuilder b;
  EXPECT_EQ(b.infer1(OpCode::Shape, {b.tensor({1, 7, 7, 3})}, ShapeOptions{DType::Int64}),
            (Shape{4}));
  EXPECT_THROW(b.infer(OpCode::Shape, {b.tensor({2})}, ShapeOptions{DType::Float32}), ModelError);
  int32_t indices = b.tensor({2, 3}, DType::Int32), on = b.tensor({}), off = b.tensor({});
  auto one_hot = [&](int32_t axis) {
    return b.infer1(OpCode::OneHot, {indices, b.int32_const({}, {5}), on, off},
                    OneHotOptions{axis});
  };
  EXPECT_EQ(one_hot(-1), (Shape{2, 3, 5}));
  EXPECT_EQ(one_hot(0), (Shape{5, 2, 3}));
  EXPECT_EQ(one_hot(2), (Shape{2, 3, 5}));
  // Only -1 counts from the end (TFLite one_hot.cc).
  EXPECT_NE(shape_error([&] { one_hot(-2); }).find("expected -1..2"), std::string::npos);
  EXPECT_THROW(one_hot(3), ModelError);
}

// ---- reductions, normalizations, BatchMatMul and resizes -------------------

// The error message of an op the shape rules refuse.
std::string refusal(OpBuilder &b, OpCode code, std::vector<int32_t> inputs, Options options) {
  try {
    b.infer(code, std::move(inputs), std::move(options));
  } catch (const ModelError &e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(ShapeInference, SumAndReduceOpsDropOrKeepTheAxes) {
  for (OpCode code : {OpCode::Sum, OpCode::ReduceMax, OpCode::ReduceMin, OpCode::ReduceProd}) {
    OpBuilder b;
    int32_t in = b.tensor({2, 3, 4}), axes = b.int32_const({3}, {-1, 0, 2});
    EXPECT_EQ(b.infer1(code, {in, axes}, ReducerOptions{}), (Shape{3})) << op_name(code);
    EXPECT_EQ(b.infer1(code, {in, axes}, ReducerOptions{true}), (Shape{1, 3, 1})) << op_name(code);
    int32_t none = b.int32_const({0}, {});
    EXPECT_EQ(b.infer1(code, {in, none}, ReducerOptions{}), (Shape{2, 3, 4})) << op_name(code);
  }
}

TEST(ShapeInference, ReduceAxesMustBeInt32AndInRange) {
  OpBuilder b;
  int32_t in = b.tensor({2, 3}), out_of_range = b.int32_const({1}, {2});
  EXPECT_NE(refusal(b, OpCode::Sum, {in, out_of_range}, ReducerOptions{}).find("out of range"),
            std::string::npos);
  int32_t axes64 = b.tensor({1}, DType::Int64);
  b.model.tensors[axes64].set_values<int64_t>(std::vector<int64_t>{0});
  EXPECT_NE(refusal(b, OpCode::ReduceMax, {in, axes64}, ReducerOptions{}).find("must be INT32"),
            std::string::npos);
}

TEST(ShapeInference, ArgMaxRemovesTheAxisAndChecksTheOutputType) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 5, 3}), axis = b.int32_const({}, {-1});
  EXPECT_EQ(b.infer1(OpCode::ArgMax, {in, axis}, ArgOptions{DType::Int32}), (Shape{1, 4, 5}));
  int32_t axis64 = b.tensor({1}, DType::Int64);
  b.model.tensors[axis64].set_values<int64_t>(std::vector<int64_t>{1});
  EXPECT_EQ(b.infer1(OpCode::ArgMin, {in, axis64}, ArgOptions{}), (Shape{1, 5, 3}));
  EXPECT_NE(refusal(b, OpCode::ArgMax, {in, axis}, ArgOptions{DType::Float32})
                .find("output_type must be INT32 or INT64"),
            std::string::npos);
}

TEST(ShapeInference, ArgMaxOverAnEmptyAxisIsRefused) {
  OpBuilder b;
  int32_t in = b.tensor({2, 0}), axis = b.int32_const({}, {1});
  EXPECT_NE(refusal(b, OpCode::ArgMax, {in, axis}, ArgOptions{}).find("no index to return"),
            std::string::npos);
  // Nothing to compute when the kept dims are empty too.
  int32_t empty = b.tensor({0, 0});
  EXPECT_EQ(b.infer1(OpCode::ArgMax, {empty, axis}, ArgOptions{}), (Shape{0}));
}

TEST(ShapeInference, L2Pool2DIsAPool) {
  OpBuilder b;
  int32_t in = b.tensor({1, 7, 5, 3});
  Pool2DOptions o;
  o.padding = Padding::Same;
  o.filter_height = o.filter_width = 2;
  o.stride_h = o.stride_w = 2;
  EXPECT_EQ(b.infer1(OpCode::L2Pool2D, {in}, o), (Shape{1, 4, 3, 3}));
}

TEST(ShapeInference, LogSoftmaxNeedsALastAxis) {
  OpBuilder b;
  int32_t in = b.tensor({2, 7}), scalar = b.tensor({});
  EXPECT_EQ(b.infer1(OpCode::LogSoftmax, {in}, NoOptions{}), (Shape{2, 7}));
  EXPECT_NE(refusal(b, OpCode::LogSoftmax, {scalar}, NoOptions{}).find("rank >= 1"),
            std::string::npos);
}

TEST(ShapeInference, L2NormalizeTakesRankOneToFourWithoutActivation) {
  OpBuilder b;
  int32_t in = b.tensor({1, 2, 2, 8}), rank5 = b.tensor({1, 1, 2, 2, 8});
  EXPECT_EQ(b.infer1(OpCode::L2Normalize, {in}, ElementwiseOptions{}), (Shape{1, 2, 2, 8}));
  EXPECT_NE(refusal(b, OpCode::L2Normalize, {rank5}, ElementwiseOptions{}).find("rank 1 to 4"),
            std::string::npos);
  EXPECT_NE(refusal(b, OpCode::L2Normalize, {in}, ElementwiseOptions{Activation::Relu})
                .find("fused activation is not supported"),
            std::string::npos);
}

TEST(ShapeInference, LocalResponseNormalizationIsNhwcWithARadius) {
  OpBuilder b;
  int32_t in = b.tensor({1, 3, 3, 6}), flat = b.tensor({3, 6});
  LocalResponseNormalizationOptions o;
  EXPECT_EQ(b.infer1(OpCode::LocalResponseNormalization, {in}, o), (Shape{1, 3, 3, 6}));
  EXPECT_NE(refusal(b, OpCode::LocalResponseNormalization, {flat}, o).find("rank"),
            std::string::npos);
  o.radius = -1;
  EXPECT_NE(refusal(b, OpCode::LocalResponseNormalization, {in}, o).find("radius must be >= 0"),
            std::string::npos);
}

TEST(ShapeInference, BatchMatMulBroadcastsBatchesAndHonoursAdjoints) {
  OpBuilder b;
  int32_t lhs = b.tensor({2, 1, 3, 4}), rhs = b.tensor({5, 4, 6});
  EXPECT_EQ(b.infer1(OpCode::BatchMatMul, {lhs, rhs}, BatchMatMulOptions{}), (Shape{2, 5, 3, 6}));
  int32_t lhs_t = b.tensor({4, 3}), rhs_t = b.tensor({1, 6, 4});
  EXPECT_EQ(b.infer1(OpCode::BatchMatMul, {lhs_t, rhs_t}, BatchMatMulOptions{true, true}),
            (Shape{1, 3, 6}));
  EXPECT_NE(refusal(b, OpCode::BatchMatMul, {lhs, rhs_t}, BatchMatMulOptions{})
                .find("contracted dims differ"),
            std::string::npos);
  int32_t batch2 = b.tensor({2, 3, 4}), batch3 = b.tensor({3, 3, 4});
  EXPECT_NE(refusal(b, OpCode::BatchMatMul, {batch2, batch3}, BatchMatMulOptions{false, true})
                .find("cannot be broadcast"),
            std::string::npos);
}

TEST(ShapeInference, BatchMatMulTakesRanksTwoToFive) {
  OpBuilder b;
  int32_t rank5 = b.tensor({2, 1, 2, 3, 4}), rank2 = b.tensor({4, 2});
  int32_t rank6 = b.tensor({1, 2, 1, 2, 3, 4}), rank1 = b.tensor({4});
  EXPECT_EQ(b.infer1(OpCode::BatchMatMul, {rank5, rank2}, BatchMatMulOptions{}),
            (Shape{2, 1, 2, 3, 2}));
  for (const auto &[lhs, rhs] : {std::pair{rank6, rank2}, std::pair{rank2, rank1}})
    EXPECT_NE(refusal(b, OpCode::BatchMatMul, {lhs, rhs}, BatchMatMulOptions{}).find("rank 2 to 5"),
              std::string::npos);
}

TEST(ShapeInference, ResizeTakesTheConstantSize) {
  for (OpCode code : {OpCode::ResizeBilinear, OpCode::ResizeNearestNeighbor}) {
    OpBuilder b;
    int32_t in = b.tensor({2, 4, 5, 3}), size = b.int32_const({2}, {8, 3});
    EXPECT_EQ(b.infer1(code, {in, size}, default_options(code)), (Shape{2, 8, 3, 3}))
        << op_name(code);
    int32_t zero = b.int32_const({2}, {0, 3}), three = b.int32_const({3}, {1, 2, 3});
    EXPECT_NE(refusal(b, code, {in, zero}, default_options(code)).find("two positive values"),
              std::string::npos);
    EXPECT_NE(refusal(b, code, {in, three}, default_options(code)).find("two positive values"),
              std::string::npos);
    int32_t size64 = b.tensor({2}, DType::Int64);
    b.model.tensors[size64].set_values<int64_t>(std::vector<int64_t>{8, 3});
    EXPECT_NE(refusal(b, code, {in, size64}, default_options(code)).find("1-D INT32"),
              std::string::npos);
    int32_t no_pixels = b.tensor({1, 0, 5, 3});
    EXPECT_NE(refusal(b, code, {no_pixels, size}, default_options(code)).find("no pixel"),
              std::string::npos);
  }
}

TEST(ShapeInference, ResizeBilinearRefusesAlignCornersWithHalfPixelCenters) {
  OpBuilder b;
  int32_t in = b.tensor({1, 4, 4, 1}), size = b.int32_const({2}, {8, 8});
  EXPECT_NE(refusal(b, OpCode::ResizeBilinear, {in, size}, ResizeBilinearOptions{true, true})
                .find("cannot both be true"),
            std::string::npos);
  for (bool align : {false, true})
    for (bool half : {false, true})
      EXPECT_EQ(b.infer1(OpCode::ResizeNearestNeighbor, {in, size},
                         ResizeNearestNeighborOptions{align, half}),
                (Shape{1, 8, 8, 1}));
}

} // namespace
} // namespace qgold::ir
