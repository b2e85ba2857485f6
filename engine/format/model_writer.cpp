// ir::Model -> Circle / TFLite flatbuffer.
//
// Layout choices (all deterministic: the output depends only on the model):
//   - buffer 0 is the empty sentinel; every tensor without data (activations,
//     graph inputs and outputs) points at it;
//   - every constant gets its own buffer, numbered in tensor order from 1,
//     subgraph after subgraph; metadata buffers come last;
//   - operator_codes lists each op (each custom code) once, in order of first
//     use, version 1;
//   - option tables are written for every op whose schema has one (also the
//     empty Pad/Quantize/Dequantize tables), and every field qgold knows is
//     stored even when it equals the schema default (e.g. padding SAME);
//   - with external buffers, constant data follows the FlatBuffer, each
//     buffer 16-byte aligned, at file offsets stored in Buffer.offset/size.

#include "format/model_file.h"

#include "circle_generated.h"
#include "format/file_identity.h"
#include "format/options_table.h"
#include "ir/error.h"
#include "ir/op_registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace qgold::format {
namespace {

namespace fb = qgold::format::fb;
using flatbuffers::Offset;

constexpr uint64_t kBufferAlignment = 16;

uint64_t aligned(uint64_t size) { return (size + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment; }

class ModelWriter {
public:
  ModelWriter(const ir::Model &model, FileFormat format)
      : model_(model), identity_(file_identity(format)), format_(format) {}

  std::vector<uint8_t> write() {
    check_graph(model_, "");
    for (std::size_t g = 0; g < model_.subgraphs.size(); ++g)
      check_graph(model_.subgraphs[g], fmt::format("subgraph {}: ", g + 1));
    std::vector<uint8_t> bytes = build();
    if (!model_.external_buffers)
      return bytes;
    // Every field is stored (ForceDefaults), so the FlatBuffer keeps its size
    // when the offsets change: lay the data out after it and build again.
    uint64_t end = aligned(bytes.size());
    for (const std::vector<uint8_t> *data : buffer_data_) {
      offsets_.push_back(end);
      end = aligned(end + data->size());
    }
    std::vector<uint8_t> with_offsets = build();
    if (with_offsets.size() != bytes.size())
      throw std::logic_error("external buffer offsets changed the FlatBuffer's size");
    with_offsets.resize(end, 0);
    for (std::size_t i = 0; i < buffer_data_.size(); ++i)
      std::copy(buffer_data_[i]->begin(), buffer_data_[i]->end(), with_offsets.begin() + static_cast<std::ptrdiff_t>(offsets_[i]));
    return with_offsets;
  }

private:
  [[noreturn]] void fail(const std::string &what) const {
    throw InputError(fmt::format("cannot write model '{}' as {}: {}", model_.name, identity_.name, what));
  }

  // The writer never emits a file its own reader would reject.
  void check_graph(const ir::Graph &graph, const std::string &where) const {
    const auto tensor_count = static_cast<int32_t>(graph.tensors.size());
    auto check_index = [&](int32_t index, bool optional, const std::string &what) {
      if ((optional && index == -1) || (index >= 0 && index < tensor_count))
        return;
      fail(fmt::format("{}{} refers to tensor {}, the model has {} tensors", where, what, index, tensor_count));
    };
    for (std::size_t i = 0; i < graph.inputs.size(); ++i)
      check_index(graph.inputs[i], false, fmt::format("graph input {}", i));
    for (std::size_t i = 0; i < graph.outputs.size(); ++i)
      check_index(graph.outputs[i], false, fmt::format("graph output {}", i));
    for (std::size_t o = 0; o < graph.operators.size(); ++o) {
      const ir::Operator &op = graph.operators[o];
      if (format_ == FileFormat::TFLite && ir::op_info(op.code).circle_only)
        throw UnsupportedError(fmt::format("cannot write model '{}' as TFLite: {}operator {} is {}, "
                                           "a Circle-only op",
                                           model_.name, where, o, ir::op_name(op.code)));
      for (std::size_t i = 0; i < op.inputs.size(); ++i)
        check_index(op.inputs[i], true, fmt::format("operator {} ({}) input {}", o, ir::op_name(op.code), i));
      for (std::size_t i = 0; i < op.outputs.size(); ++i)
        check_index(op.outputs[i], false, fmt::format("operator {} ({}) output {}", o, ir::op_name(op.code), i));
    }
    for (std::size_t t = 0; t < graph.tensors.size(); ++t) {
      const ir::Tensor &tensor = graph.tensors[t];
      if (!tensor.data || tensor.sparsity)
        continue;
      const auto expected = static_cast<std::size_t>(tensor.num_elements()) * ir::dtype_size(tensor.dtype);
      if (tensor.data->size() != expected)
        fail(fmt::format("{}tensor {} '{}' ({} {}) holds {} bytes of data, expected {}", where, t, tensor.name,
                         ir::dtype_name(tensor.dtype), ir::shape_to_string(tensor.shape), tensor.data->size(),
                         expected));
    }
  }

  std::vector<uint8_t> build() {
    builder_.Clear();
    // Store every field we set, so that e.g. padding SAME (0) is explicit.
    builder_.ForceDefaults(true);
    buffers_.clear();
    buffer_data_.clear();
    used_codes_.clear();
    buffers_.push_back(fb::BufferBuilder(builder_).Finish()); // the sentinel
    std::vector<Offset<fb::SubGraph>> subgraphs;
    subgraphs.push_back(write_graph(model_));
    for (const ir::Graph &graph : model_.subgraphs)
      subgraphs.push_back(write_graph(graph));
    // Each piece is built in its own statement: argument evaluation order is
    // unspecified and would change the byte layout between compilers.
    auto metadata = write_metadata();
    auto signature_defs = write_signature_defs();
    auto operator_codes = write_operator_codes();
    auto subgraph_vector = builder_.CreateVector(subgraphs);
    auto description = builder_.CreateString(identity_.description.data(), identity_.description.size());
    auto buffers = builder_.CreateVector(buffers_);
    fb::ModelBuilder root(builder_);
    root.add_version(identity_.version);
    root.add_operator_codes(operator_codes);
    root.add_subgraphs(subgraph_vector);
    root.add_description(description);
    root.add_buffers(buffers);
    if (!model_.metadata.empty())
      root.add_metadata(metadata);
    if (!model_.signature_defs.empty())
      root.add_signature_defs(signature_defs);
    builder_.Finish(root.Finish(), identity_.identifier);
    const uint8_t *bytes = builder_.GetBufferPointer();
    return {bytes, bytes + builder_.GetSize()};
  }

  // The index of a new buffer holding `data`, inside the FlatBuffer or, with
  // external buffers, at the offset the second pass gives it.
  uint32_t add_buffer(const std::vector<uint8_t> &data) {
    Offset<fb::Buffer> buffer;
    if (model_.external_buffers) {
      const std::size_t index = buffer_data_.size();
      buffer_data_.push_back(&data);
      fb::BufferBuilder out(builder_);
      out.add_offset(index < offsets_.size() ? offsets_[index] : 0);
      out.add_size(data.size());
      buffer = out.Finish();
    } else {
      builder_.ForceVectorAlignment(data.size(), sizeof(uint8_t), kBufferAlignment);
      auto bytes = builder_.CreateVector(data);
      fb::BufferBuilder out(builder_);
      out.add_data(bytes);
      buffer = out.Finish();
    }
    buffers_.push_back(buffer);
    return static_cast<uint32_t>(buffers_.size() - 1);
  }

  Offset<fb::SubGraph> write_graph(const ir::Graph &graph) {
    std::vector<uint32_t> buffer_of_tensor(graph.tensors.size(), 0);
    for (std::size_t t = 0; t < graph.tensors.size(); ++t)
      if (graph.tensors[t].data)
        buffer_of_tensor[t] = add_buffer(*graph.tensors[t].data);
    std::vector<Offset<fb::Tensor>> tensors;
    for (std::size_t t = 0; t < graph.tensors.size(); ++t)
      tensors.push_back(write_tensor(graph.tensors[t], buffer_of_tensor[t]));
    std::vector<Offset<fb::Operator>> operators;
    for (std::size_t o = 0; o < graph.operators.size(); ++o)
      operators.push_back(write_operator(graph.operators[o], o));
    auto tensor_vector = builder_.CreateVector(tensors);
    auto inputs = builder_.CreateVector(graph.inputs);
    auto outputs = builder_.CreateVector(graph.outputs);
    auto operator_vector = builder_.CreateVector(operators);
    auto name = builder_.CreateString(graph.name);
    return fb::CreateSubGraph(builder_, tensor_vector, inputs, outputs, operator_vector, name);
  }

  // Empty vectors stay absent (a null offset is not stored).
  Offset<fb::QuantizationParameters> write_quantization(const ir::QuantParams &quant) {
    auto vector_or_absent = [&](const auto &values) {
      return values.empty() ? decltype(builder_.CreateVector(values)){} : builder_.CreateVector(values);
    };
    // One statement each, like in build().
    auto min = vector_or_absent(quant.min);
    auto max = vector_or_absent(quant.max);
    auto scale = vector_or_absent(quant.scale);
    auto zero_point = vector_or_absent(quant.zero_point);
    return fb::CreateQuantizationParameters(builder_, min, max, scale, zero_point, fb::QuantizationDetails::NONE, 0,
                                            quant.quantized_dimension);
  }

  Offset<fb::SparsityParameters> write_sparsity(const ir::Sparsity &sparsity) {
    std::vector<Offset<fb::DimensionMetadata>> dims;
    for (const ir::Sparsity::Dim &dim : sparsity.dims) {
      if (!dim.csr) {
        dims.push_back(fb::CreateDimensionMetadata(builder_, fb::DimensionType::DENSE, dim.dense_size));
        continue;
      }
      auto segments_values = builder_.CreateVector(dim.segments);
      auto segments = fb::CreateInt32Vector(builder_, segments_values);
      auto indices_values = builder_.CreateVector(dim.indices);
      auto indices = fb::CreateInt32Vector(builder_, indices_values);
      dims.push_back(fb::CreateDimensionMetadata(builder_, fb::DimensionType::SPARSE_CSR, 0,
                                                 fb::SparseIndexVector::Int32Vector, segments.Union(),
                                                 fb::SparseIndexVector::Int32Vector, indices.Union()));
    }
    auto traversal_order = builder_.CreateVector(sparsity.traversal_order);
    auto block_map = builder_.CreateVector(sparsity.block_map);
    auto dim_metadata = builder_.CreateVector(dims);
    return fb::CreateSparsityParameters(builder_, traversal_order, block_map, dim_metadata);
  }

  Offset<fb::Tensor> write_tensor(const ir::Tensor &tensor, uint32_t buffer) {
    auto shape = builder_.CreateVector(tensor.shape);
    auto name = builder_.CreateString(tensor.name);
    Offset<fb::QuantizationParameters> quant;
    if (tensor.quant)
      quant = write_quantization(*tensor.quant);
    Offset<fb::SparsityParameters> sparsity;
    if (tensor.sparsity)
      sparsity = write_sparsity(*tensor.sparsity);
    Offset<flatbuffers::Vector<int32_t>> signature;
    if (!tensor.shape_signature.empty())
      signature = builder_.CreateVector(tensor.shape_signature);
    fb::TensorBuilder out(builder_);
    out.add_shape(shape);
    out.add_type(static_cast<fb::TensorType>(tensor.dtype));
    out.add_buffer(buffer);
    out.add_name(name);
    out.add_quantization(quant);
    if (tensor.sparsity)
      out.add_sparsity(sparsity);
    if (!tensor.shape_signature.empty())
      out.add_shape_signature(signature);
    return out.Finish();
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

  Offset<fb::Operator> write_operator(const ir::Operator &op, std::size_t index) {
    auto inputs = builder_.CreateVector(op.inputs);
    auto outputs = builder_.CreateVector(op.outputs);
    auto [options_type, options] = write_options(op, index);
    Offset<flatbuffers::Vector<uint8_t>> custom_options;
    const bool custom = op.code == ir::OpCode::Custom;
    if (custom)
      custom_options = builder_.CreateVector(op.custom_options);
    fb::OperatorBuilder out(builder_);
    out.add_opcode_index(opcode_index(op));
    out.add_inputs(inputs);
    out.add_outputs(outputs);
    if (options_type != 0) {
      out.add_builtin_options_type(options_type);
      out.add_builtin_options(Offset<fb::OptionsTable>(options.o));
    }
    if (custom) {
      out.add_custom_options(custom_options);
      out.add_custom_options_format(0); // FLEXBUFFERS
    }
    return out.Finish();
  }

  uint32_t opcode_index(const ir::Operator &op) {
    const std::pair<ir::OpCode, std::string> key{op.code, op.code == ir::OpCode::Custom ? op.custom_code : ""};
    auto found = std::find(used_codes_.begin(), used_codes_.end(), key);
    if (found == used_codes_.end())
      found = used_codes_.insert(used_codes_.end(), key);
    return static_cast<uint32_t>(found - used_codes_.begin());
  }

  // Both ONE writers: codes below 127 (negative Circle codes included) also go
  // into the 8-bit field; larger ones leave the placeholder 127 there.
  Offset<flatbuffers::Vector<Offset<fb::OperatorCode>>> write_operator_codes() {
    constexpr int32_t kPlaceholderForGreaterOpCodes = 127;
    std::vector<Offset<fb::OperatorCode>> codes;
    for (const auto &[op, custom_code] : used_codes_) {
      const auto code = static_cast<int32_t>(op);
      const auto deprecated = static_cast<int8_t>(std::min(code, kPlaceholderForGreaterOpCodes));
      Offset<flatbuffers::String> custom;
      if (op == ir::OpCode::Custom)
        custom = builder_.CreateString(custom_code);
      fb::OperatorCodeBuilder out(builder_);
      out.add_deprecated_builtin_code(deprecated);
      if (op == ir::OpCode::Custom)
        out.add_custom_code(custom);
      out.add_version(1);
      out.add_builtin_code(static_cast<fb::BuiltinOperator>(code));
      codes.push_back(out.Finish());
    }
    return builder_.CreateVector(codes);
  }

  Offset<flatbuffers::Vector<Offset<fb::Metadata>>> write_metadata() {
    std::vector<Offset<fb::Metadata>> entries;
    for (const ir::Metadata &metadata : model_.metadata) {
      const uint32_t buffer = add_buffer(metadata.data);
      auto name = builder_.CreateString(metadata.name);
      entries.push_back(fb::CreateMetadata(builder_, name, buffer));
    }
    return builder_.CreateVector(entries);
  }

  Offset<flatbuffers::Vector<Offset<fb::SignatureDef>>> write_signature_defs() {
    std::vector<Offset<fb::SignatureDef>> defs;
    for (const ir::SignatureDef &signature : model_.signature_defs) {
      const ir::Graph &graph = signature.subgraph == 0 ? model_ : model_.subgraphs.at(signature.subgraph - 1);
      auto write_maps = [&](const std::vector<ir::SignatureDef::Entry> &entries) {
        std::vector<Offset<fb::TensorMap>> maps;
        for (const ir::SignatureDef::Entry &entry : entries) {
          const int32_t index = graph.find_tensor(entry.tensor);
          if (index < 0)
            fail(fmt::format("signature '{}' names tensor '{}', which subgraph {} does not have", signature.key,
                             entry.tensor, signature.subgraph));
          auto name = builder_.CreateString(entry.alias);
          maps.push_back(fb::CreateTensorMap(builder_, name, static_cast<uint32_t>(index)));
        }
        return builder_.CreateVector(maps);
      };
      auto inputs = write_maps(signature.inputs);
      auto outputs = write_maps(signature.outputs);
      auto key = builder_.CreateString(signature.key);
      defs.push_back(fb::CreateSignatureDef(builder_, inputs, outputs, key, signature.subgraph));
    }
    return builder_.CreateVector(defs);
  }

  const ir::Model &model_;
  const FileIdentity &identity_;
  FileFormat format_;
  flatbuffers::FlatBufferBuilder builder_;
  std::vector<Offset<fb::Buffer>> buffers_;
  std::vector<const std::vector<uint8_t> *> buffer_data_; // external buffers, in buffer order
  std::vector<uint64_t> offsets_;                         // their file offsets (second pass)
  std::vector<std::pair<ir::OpCode, std::string>> used_codes_; // index = opcode_index
};

} // namespace

std::vector<uint8_t> serialize(const ir::Model &model, FileFormat format) { return ModelWriter(model, format).write(); }

} // namespace qgold::format
