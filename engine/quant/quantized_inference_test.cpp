// Every bundled case's quantized model (recipes/*.yaml tests, the chain
// fake-quant -> record-minmax -> quantize on the case's test inputs; every
// recipe has a channel/int8 case, TFLite's scheme) runs on the integer
// interpreter. Fed the test inputs
// quantized with the input parameters, every graph output dequantized must
// track the float model's output on the values those codes stand for:
// signal-to-quantization-noise ratio at least kMinSqnrDb (a wrong zero point,
// multiplier or rounding direction in a kernel costs far more).

#include "data/dataset.h"
#include "interp/interpreter.h"
#include "interp/kernels/broadcast.h"
#include "interp/quantized_io.h"
#include "quant/quant.h"
#include "recipe/recipe.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace qgold {
namespace {

namespace fs = std::filesystem;

constexpr double kMinSqnrDb = 20.0;

struct Case {
  fs::path recipe_file;
  std::string id; // "Conv2D_000/channel/uint8"
  fs::path inputs;
  ir::DType dtype;
  quant::Granularity granularity;
  std::optional<quant::QConf> qconf;
};

quant::QConf qconf_of(const recipe::TestConfig &test) {
  quant::QConf qconf;
  qconf.origin = test.location.to_string();
  for (const recipe::QConfLayer &layer : test.qconf)
    qconf.layers.push_back({{layer.names}, layer.dtype, *quant::granularity_from_name(layer.granularity)});
  return qconf;
}

std::vector<Case> bundled_cases() {
  std::vector<Case> cases;
  const fs::path root = QGOLD_SOURCE_DIR;
  std::vector<fs::path> files;
  for (const auto &entry : fs::directory_iterator(root / "recipes"))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path &file : files) {
    const recipe::Recipe recipe = recipe::load_recipe(file);
    for (const recipe::TestConfig &test : recipe.tests) {
      if (test.weights_only)
        continue;
      const std::string name = recipe.name + (test.qconf.empty() ? "" : "_config");
      const std::string id = fmt::format("{}/{}/{}", name, test.granularity,
                                         recipe::test_dtype_name(test.dtype));
      Case c{file, id, root / "test_inputs" / id, test.dtype,
             *quant::granularity_from_name(test.granularity), std::nullopt};
      if (!test.qconf.empty())
        c.qconf = qconf_of(test);
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

ir::Model quantized_model(const ir::Model &float_model, const Case &c) {
  ir::Model model = float_model;
  const quant::QConf *qconf = c.qconf ? &*c.qconf : nullptr;
  quant::fake_quantize(model, c.dtype, c.granularity, qconf);
  auto dataset = data::open_dataset(c.inputs, data::input_specs(model));
  quant::RecordMinMaxOptions options;
  options.backend = quant::RecordMinMaxOptions::Backend::Reference;
  quant::record_minmax(model, *dataset, options);
  quant::QuantizeOptions quantize;
  quantize.dtype = c.dtype;
  quantize.granularity = c.granularity;
  quantize.qconf = qconf;
  quant::quantize_with_minmax(model, quantize);
  return model;
}

std::vector<float> dequantized(const ir::Tensor &tensor, std::span<const uint8_t> bytes) {
  const float scale = tensor.quant->scale.at(0);
  const auto zero = static_cast<int32_t>(tensor.quant->zero_point.at(0));
  const size_t count = static_cast<size_t>(tensor.num_elements());
  std::vector<float> values(count);
  for (size_t i = 0; i < count; ++i) {
    int32_t code = 0;
    if (tensor.dtype == ir::DType::UInt8)
      code = bytes[i];
    else if (tensor.dtype == ir::DType::Int8)
      code = static_cast<int8_t>(bytes[i]);
    else
      code = static_cast<int16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
    values[i] = scale * static_cast<float>(code - zero);
  }
  return values;
}

double sqnr_db(std::span<const float> reference, std::span<const float> actual) {
  double signal = 0.0, noise = 0.0;
  for (size_t i = 0; i < reference.size(); ++i) {
    signal += static_cast<double>(reference[i]) * reference[i];
    noise += (static_cast<double>(actual[i]) - reference[i]) * (actual[i] - reference[i]);
  }
  if (noise == 0.0)
    return INFINITY;
  return 10.0 * std::log10(std::max(signal, 1e-30) / noise);
}

bool is_comparison(ir::OpCode code) {
  return code == ir::OpCode::Equal || code == ir::OpCode::NotEqual || code == ir::OpCode::Greater ||
         code == ir::OpCode::GreaterEqual || code == ir::OpCode::Less ||
         code == ir::OpCode::LessEqual;
}

// A comparison decides an element from values its quantized operands only approximate (TFLite's
// 8-bit arithmetic resolves 1/256 of a real unit), and a decision that flips near the threshold
// moves the output by a whole value, which SQNR cannot tell from a wrong kernel. So the float
// reference takes every comparison's decisions from the quantized run (the comparison replaced
// by a constant of its bools, per record), and check_decisions requires each decision to be the
// float comparison of the operands' dequantized values, except within kComparisonResolution.
constexpr double kComparisonResolution = 1.0 / 256.0;

// float_model with each comparison's output a constant holding the quantized run's decisions.
ir::Model with_decisions(ir::Model model, const ir::Model &quantized,
                         const interp::Interpreter &run) {
  for (size_t i = model.operators.size(); i-- > 0;) {
    if (!is_comparison(model.operators[i].code))
      continue;
    ir::Tensor &output = model.tensors[static_cast<size_t>(model.operators[i].outputs[0])];
    const std::span<const uint8_t> decided = run.tensor_bytes(quantized.find_tensor(output.name));
    output.data = std::vector<uint8_t>(decided.begin(), decided.end());
    model.operators.erase(model.operators.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return model;
}

std::vector<float> real_values(const interp::Interpreter &run, const ir::Tensor &tensor,
                               int32_t index) {
  if (interp::is_per_tensor_quantized(tensor))
    return dequantized(tensor, run.tensor_bytes(index));
  const std::span<const float> values = run.tensor(index);
  return {values.begin(), values.end()};
}

void check_decisions(const ir::Model &model, const interp::Interpreter &run) {
  for (const ir::Operator &op : model.operators) {
    if (!is_comparison(op.code))
      continue;
    const ir::Tensor &a = model.tensors[static_cast<size_t>(op.inputs[0])];
    const ir::Tensor &b = model.tensors[static_cast<size_t>(op.inputs[1])];
    const ir::Tensor &out = model.tensors[static_cast<size_t>(op.outputs[0])];
    const std::vector<float> x = real_values(run, a, op.inputs[0]),
                             y = real_values(run, b, op.inputs[1]);
    const std::span<const uint8_t> decided = run.tensor_bytes(op.outputs[0]);
    interp::kernels::broadcast_walk<2>(
        {&a.shape, &b.shape}, out.shape, [&](int64_t i, const auto &at) {
          const double u = x[static_cast<size_t>(at[0])], v = y[static_cast<size_t>(at[1])];
          const bool exact = op.code == ir::OpCode::Equal          ? u == v
                             : op.code == ir::OpCode::NotEqual     ? u != v
                             : op.code == ir::OpCode::Greater      ? u > v
                             : op.code == ir::OpCode::GreaterEqual ? u >= v
                             : op.code == ir::OpCode::Less         ? u < v
                                                                   : u <= v;
          if ((decided[static_cast<size_t>(i)] != 0) != exact) {
            EXPECT_LE(std::abs(u - v), kComparisonResolution)
                << out.name << " element " << i << " compares " << u << " with " << v;
          }
        });
  }
}

int64_t index_at(std::span<const uint8_t> bytes, ir::DType dtype, size_t i) {
  if (dtype == ir::DType::Int64) {
    int64_t value = 0;
    std::memcpy(&value, bytes.data() + 8 * i, 8);
    return value;
  }
  int32_t value = 0;
  std::memcpy(&value, bytes.data() + 4 * i, 4);
  return value;
}

// An ArgMax (ArgMin) graph output of a quantized operand picks among values that carry the
// quantization error of everything upstream, so where two candidates are closer than that
// error the float model may pick the other. Each index that differs from the float model's
// must be the quantized run's exact choice (first on ties), and the float values at the two
// indices must differ by at most twice the largest |dequantized - float| of the operand.
void check_index_decisions(const ir::Model &model, const interp::Interpreter &run,
                           const ir::Model &float_model, const interp::Interpreter &reference,
                           size_t output, const std::string &record) {
  const int32_t out_index = model.outputs[output];
  const auto op = std::find_if(model.operators.begin(), model.operators.end(),
                               [&](const ir::Operator &o) { return o.outputs[0] == out_index; });
  ASSERT_NE(op, model.operators.end());
  const bool max = op->code == ir::OpCode::ArgMax;
  ASSERT_TRUE(max || op->code == ir::OpCode::ArgMin)
      << model.tensors[static_cast<size_t>(out_index)].name << " differs from the float model's";
  const ir::Tensor &operand = model.tensors[static_cast<size_t>(op->inputs[0])];
  ASSERT_TRUE(interp::is_per_tensor_quantized(operand)) << operand.name;
  const std::vector<float> q = dequantized(operand, run.tensor_bytes(op->inputs[0]));
  const std::span<const float> f = reference.tensor(float_model.find_tensor(operand.name));
  double error = 0.0;
  for (size_t i = 0; i < q.size(); ++i)
    error = std::max(error, std::abs(static_cast<double>(q[i]) - f[i]));
  const ir::Tensor &axis_tensor = model.tensors[static_cast<size_t>(op->inputs[1])];
  const auto rank = static_cast<int64_t>(operand.shape.size());
  int64_t axis = index_at(*axis_tensor.data, axis_tensor.dtype, 0);
  axis = axis < 0 ? axis + rank : axis;
  int64_t inner = 1;
  for (int64_t d = axis + 1; d < rank; ++d)
    inner *= operand.shape[static_cast<size_t>(d)];
  const int64_t length = operand.shape[static_cast<size_t>(axis)];
  const ir::DType dtype = model.tensors[static_cast<size_t>(out_index)].dtype;
  const auto ours = run.tensor_bytes(out_index);
  const auto theirs = reference.tensor_bytes(float_model.outputs[output]);
  const size_t count = ours.size() / ir::dtype_size(dtype);
  for (size_t i = 0; i < count; ++i) {
    const int64_t mine = index_at(ours, dtype, i), other = index_at(theirs, dtype, i);
    if (mine == other)
      continue;
    const int64_t base =
        static_cast<int64_t>(i) / inner * length * inner + static_cast<int64_t>(i) % inner;
    auto at = [&](const auto &values, int64_t k) {
      return values[static_cast<size_t>(base + k * inner)];
    };
    int64_t exact = 0;
    for (int64_t k = 1; k < length; ++k)
      if (max ? at(q, k) > at(q, exact) : at(q, k) < at(q, exact))
        exact = k;
    EXPECT_EQ(mine, exact) << "record " << record << ", element " << i;
    EXPECT_LE(std::abs(static_cast<double>(at(f, mine)) - at(f, other)), 2 * error)
        << "record " << record << ", element " << i << " picks " << mine << ", the float model "
        << other;
  }
}

TEST(QuantizedInference, EveryBundledCaseTracksTheFloatModel) {
  const std::vector<Case> cases = bundled_cases();
  ASSERT_GT(cases.size(), 100u);
  size_t outputs = 0;
  double worst = INFINITY;
  std::string worst_id;
  for (const Case &c : cases) {
    SCOPED_TRACE(c.id);
    const ir::Model float_model = recipe::build_model(recipe::load_recipe(c.recipe_file));
    ir::Model model;
    ASSERT_NO_THROW(model = quantized_model(float_model, c));
    const bool decides = std::any_of(float_model.operators.begin(), float_model.operators.end(),
                                     [](const ir::Operator &op) { return is_comparison(op.code); });
    std::unique_ptr<interp::Interpreter> reference;
    if (!decides)
      reference = std::make_unique<interp::Interpreter>(float_model);
    const auto quantized =
        std::make_unique<interp::Interpreter>(model, interp::Kernels::FloatAndInteger);
    auto dataset = data::open_dataset(c.inputs, data::input_specs(float_model));
    data::Record record;
    while (dataset->next(record)) {
      std::vector<std::vector<float>> reference_inputs;
      for (size_t i = 0; i < record.inputs.size(); ++i) {
        std::vector<float> values(record.inputs[i].size() / sizeof(float));
        std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
        const ir::Tensor &input = model.tensors[static_cast<size_t>(model.inputs[i])];
        const std::vector<uint8_t> codes = interp::quantize_values(input, values, record.id);
        quantized->set_input_bytes(i, codes);
        reference_inputs.push_back(dequantized(input, codes));
      }
      quantized->run();
      if (decides) {
        check_decisions(model, *quantized);
        reference =
            std::make_unique<interp::Interpreter>(with_decisions(float_model, model, *quantized));
      }
      for (size_t i = 0; i < reference_inputs.size(); ++i)
        reference->set_input(i, reference_inputs[i]);
      reference->run();
      for (size_t o = 0; o < model.outputs.size(); ++o) {
        const ir::Tensor &tensor = model.tensors[static_cast<size_t>(model.outputs[o])];
        if (tensor.dtype == ir::DType::Int32 || tensor.dtype == ir::DType::Int64) {
          // Not quantized (Shape, ArgMax): exactly the float model's, an index decided on
          // quantized values up to their own error (check_index_decisions).
          const auto ours = quantized->tensor_bytes(model.outputs[o]);
          const auto theirs = reference->tensor_bytes(float_model.outputs[o]);
          if (!std::ranges::equal(ours, theirs))
            check_index_decisions(model, *quantized, float_model, *reference, o, record.id);
          ++outputs;
          continue;
        }
        ASSERT_TRUE(interp::is_per_tensor_quantized(tensor)) << tensor.name;
        const double db = sqnr_db(reference->output(o),
                                  dequantized(tensor, quantized->tensor_bytes(model.outputs[o])));
        EXPECT_GE(db, kMinSqnrDb) << "record " << record.id << ", output " << tensor.name;
        if (db < worst) {
          worst = db;
          worst_id = c.id + " " + tensor.name;
        }
        ++outputs;
      }
    }
  }
  std::cout << cases.size() << " cases, " << outputs << " outputs; lowest SQNR " << worst << " dB ("
            << worst_id << ")\n";
}

} // namespace
} // namespace qgold
