// ir::Model -> Circle / TFLite flatbuffer.
//
// Layout choices (all deterministic: the output depends only on the model):
//   - buffer 0 is the empty sentinel; every tensor without data (activations,
//     graph inputs and outputs) points at it;
//   - every constant gets its own buffer, numbered in tensor order from 1;
//   - operator_codes lists each op once, in order of first use, version 1;
//   - option tables are written for every op whose schema has one (also the
//     empty Pad/Quantize/Dequantize tables), and every field qgold knows is
//     stored even when it equals the schema default (e.g. padding SAME).

#include "format/model_file.h"

#include "circle_generated.h"
#include "format/file_identity.h"
#include "format/options_table.h"
#include "ir/op_registry.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace qgold::format {
namespace {

namespace fb = qgold::format::fb;
using flatbuffers::Offset;

class ModelWriter {
public:
  ModelWriter(const ir::Model &model, FileFormat format)
      : model_(model), identity_(file_identity(format)), format_(format) {
    // Store every field we set, so that e.g. padding SAME (0) is explicit.
    builder_.ForceDefaults(true);
  }

  std::vector<uint8_t> write() {
    check_model();
    auto buffers = write_buffers();
    auto tensors = write_tensors();
    auto operators = write_operators();
    // Each piece is built in its own statement: argument evaluation order is
    // unspecified and would change the byte layout between compilers.
    auto tensor_vector = builder_.CreateVector(tensors);
    auto inputs = builder_.CreateVector(model_.inputs);
    auto outputs = builder_.CreateVector(model_.outputs);
    auto operator_vector = builder_.CreateVector(operators);
    auto name = builder_.CreateString(model_.name);
    std::vector<Offset<fb::SubGraph>> subgraphs{
        fb::CreateSubGraph(builder_, tensor_vector, inputs, outputs, operator_vector, name)};
    auto operator_codes = write_operator_codes();
    auto subgraph_vector = builder_.CreateVector(subgraphs);
    auto description = builder_.CreateString(identity_.description.data(), identity_.description.size());
    auto root = fb::CreateModel(builder_, identity_.version, operator_codes, subgraph_vector, description, buffers);
    builder_.Finish(root, identity_.identifier);
    const uint8_t *bytes = builder_.GetBufferPointer();
    return {bytes, bytes + builder_.GetSize()};
  }

private:
  [[noreturn]] void fail(const std::string &what) const {
    throw InputError(fmt::format("cannot write model '{}' as {}: {}", model_.name, identity_.name, what));
  }

  // The writer never emits a file its own reader would reject.
  void check_model() const {
    const auto tensor_count = static_cast<int32_t>(model_.tensors.size());
    auto check_index = [&](int32_t index, bool optional, const std::string &where) {
      if ((optional && index == -1) || (index >= 0 && index < tensor_count))
        return;
      fail(fmt::format("{} refers to tensor {}, the model has {} tensors", where, index, tensor_count));
    };
    for (std::size_t i = 0; i < model_.inputs.size(); ++i)
      check_index(model_.inputs[i], false, fmt::format("graph input {}", i));
    for (std::size_t i = 0; i < model_.outputs.size(); ++i)
      check_index(model_.outputs[i], false, fmt::format("graph output {}", i));
    for (std::size_t o = 0; o < model_.operators.size(); ++o) {
      const ir::Operator &op = model_.operators[o];
      if (format_ == FileFormat::TFLite && ir::op_info(op.code).circle_only)
        throw UnsupportedError(fmt::format("cannot write model '{}' as TFLite: operator {} is {}, "
                                           "a Circle-only op",
                                           model_.name, o, ir::op_name(op.code)));
      for (std::size_t i = 0; i < op.inputs.size(); ++i)
        check_index(op.inputs[i], true, fmt::format("operator {} ({}) input {}", o, ir::op_name(op.code), i));
      for (std::size_t i = 0; i < op.outputs.size(); ++i)
        check_index(op.outputs[i], false, fmt::format("operator {} ({}) output {}", o, ir::op_name(op.code), i));
    }
    for (std::size_t t = 0; t < model_.tensors.size(); ++t) {
      const ir::Tensor &tensor = model_.tensors[t];
      if (!tensor.data)
        continue;
      const auto expected = static_cast<std::size_t>(tensor.num_elements()) * ir::dtype_size(tensor.dtype);
      if (tensor.data->size() != expected)
        fail(fmt::format("tensor {} '{}' ({} {}) holds {} bytes of data, expected {}", t, tensor.name,
                         ir::dtype_name(tensor.dtype), ir::shape_to_string(tensor.shape), tensor.data->size(),
                         expected));
    }
  }

  Offset<flatbuffers::Vector<Offset<fb::Buffer>>> write_buffers() {
    std::vector<Offset<fb::Buffer>> buffers;
    fb::BufferBuilder sentinel(builder_);
    buffers.push_back(sentinel.Finish());
    buffer_of_tensor_.assign(model_.tensors.size(), 0);
    for (std::size_t t = 0; t < model_.tensors.size(); ++t) {
      const auto &data = model_.tensors[t].data;
      if (!data)
        continue;
      builder_.ForceVectorAlignment(data->size(), sizeof(uint8_t), 16);
      auto bytes = builder_.CreateVector(*data);
      fb::BufferBuilder buffer(builder_);
      buffer.add_data(bytes);
      buffer_of_tensor_[t] = static_cast<uint32_t>(buffers.size());
      buffers.push_back(buffer.Finish());
    }
    return builder_.CreateVector(buffers);
  }

  // Empty vectors stay absent (a null offset is not stored).
  Offset<fb::QuantizationParameters> write_quantization(const ir::QuantParams &quant) {
    auto vector_or_absent = [&](const auto &values) {
      return values.empty() ? decltype(builder_.CreateVector(values)){} : builder_.CreateVector(values);
    };
    // One statement each, like in write().
    auto min = vector_or_absent(quant.min);
    auto max = vector_or_absent(quant.max);
    auto scale = vector_or_absent(quant.scale);
    auto zero_point = vector_or_absent(quant.zero_point);
    return fb::CreateQuantizationParameters(builder_, min, max, scale, zero_point, fb::QuantizationDetails::NONE, 0,
                                            quant.quantized_dimension);
  }

  std::vector<Offset<fb::Tensor>> write_tensors() {
    std::vector<Offset<fb::Tensor>> tensors;
    for (std::size_t t = 0; t < model_.tensors.size(); ++t) {
      const ir::Tensor &tensor = model_.tensors[t];
      auto shape = builder_.CreateVector(tensor.shape);
      auto name = builder_.CreateString(tensor.name);
      Offset<fb::QuantizationParameters> quant;
      if (tensor.quant)
        quant = write_quantization(*tensor.quant);
      fb::TensorBuilder out(builder_);
      out.add_shape(shape);
      out.add_type(static_cast<fb::TensorType>(tensor.dtype));
      out.add_buffer(buffer_of_tensor_[t]);
      out.add_name(name);
      out.add_quantization(quant);
      tensors.push_back(out.Finish());
    }
    return tensors;
  }

  // Returns the union member index and the options table (null for none).
  std::pair<uint8_t, Offset<void>> write_options(const ir::Operator &op, std::size_t index) {
    if (op.options.index() != ir::default_options(op.code).index())
      fail(fmt::format("operator {} ({}) carries options of the wrong kind", index, ir::op_name(op.code)));
    const uint8_t table = ir::op_info(op.code).options_table;
    if (table == 0)
      return {0, 0};
    return {table, write_options_table(builder_, op.options)};
  }

  std::vector<Offset<fb::Operator>> write_operators() {
    std::vector<Offset<fb::Operator>> operators;
    for (std::size_t o = 0; o < model_.operators.size(); ++o) {
      const ir::Operator &op = model_.operators[o];
      auto inputs = builder_.CreateVector(op.inputs);
      auto outputs = builder_.CreateVector(op.outputs);
      auto [options_type, options] = write_options(op, o);
      fb::OperatorBuilder out(builder_);
      out.add_opcode_index(opcode_index(op.code));
      out.add_inputs(inputs);
      out.add_outputs(outputs);
      if (options_type != 0) {
        out.add_builtin_options_type(options_type);
        out.add_builtin_options(Offset<fb::OptionsTable>(options.o));
      }
      operators.push_back(out.Finish());
    }
    return operators;
  }

  uint32_t opcode_index(ir::OpCode code) {
    auto found = std::find(used_codes_.begin(), used_codes_.end(), code);
    if (found == used_codes_.end())
      found = used_codes_.insert(used_codes_.end(), code);
    return static_cast<uint32_t>(found - used_codes_.begin());
  }

  // Both ONE writers: codes below 127 (negative Circle codes included) also go
  // into the 8-bit field; larger ones leave the placeholder 127 there.
  Offset<flatbuffers::Vector<Offset<fb::OperatorCode>>> write_operator_codes() {
    constexpr int32_t kPlaceholderForGreaterOpCodes = 127;
    std::vector<Offset<fb::OperatorCode>> codes;
    for (ir::OpCode op : used_codes_) {
      const auto code = static_cast<int32_t>(op);
      const auto deprecated = static_cast<int8_t>(std::min(code, kPlaceholderForGreaterOpCodes));
      fb::OperatorCodeBuilder out(builder_);
      out.add_deprecated_builtin_code(deprecated);
      out.add_version(1);
      out.add_builtin_code(static_cast<fb::BuiltinOperator>(code));
      codes.push_back(out.Finish());
    }
    return builder_.CreateVector(codes);
  }

  const ir::Model &model_;
  const FileIdentity &identity_;
  FileFormat format_;
  flatbuffers::FlatBufferBuilder builder_;
  std::vector<uint32_t> buffer_of_tensor_;
  std::vector<ir::OpCode> used_codes_; // index = opcode_index
};

} // namespace

std::vector<uint8_t> serialize(const ir::Model &model, FileFormat format) { return ModelWriter(model, format).write(); }

} // namespace qgold::format
