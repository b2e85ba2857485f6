// Recipe -> ir::Model: filler data, name resolution, then ir::validate_model
// with its errors mapped back to recipe locations.
#include "recipe/filler.h"
#include "recipe/recipe.h"

#include "ir/error.h"
#include "ir/op_registry.h"
#include "ir/sparse.h"
#include "ir/validate.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace qgold::recipe {
namespace {

// Recipes whose constants would need more memory than this are refused before
// anything is allocated: such a shape is almost certainly a typo.
constexpr int64_t kDefaultMaxConstantBytes = int64_t{2} << 30;
constexpr const char *kMaxConstantBytesVariable = "QGOLD_MAX_CONSTANT_BYTES";

[[noreturn]] void fail(const SourceLocation &where, const std::string &message) {
  throw InputError(fmt::format("{}: {}", where.to_string(), message));
}

// The limit on a recipe's total filler bytes (and on any one operand's size):
// $QGOLD_MAX_CONSTANT_BYTES when set, else 2 GiB.
int64_t max_constant_bytes() {
  const char *text = std::getenv(kMaxConstantBytesVariable);
  if (text == nullptr || *text == '\0')
    return kDefaultMaxConstantBytes;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
  if (error != std::errc() || *end != '\0' || value <= 0)
    throw InputError(fmt::format("{}='{}': expected a positive number of bytes",
                                 kMaxConstantBytesVariable, text));
  return value;
}

int64_t checked_element_count(const Operand &operand, int64_t max_bytes) {
  int64_t count = 1;
  int64_t limit = max_bytes / static_cast<int64_t>(ir::dtype_size(operand.dtype));
  for (int32_t dim : operand.shape) {
    if (dim < 0)
      fail(operand.location, fmt::format("operand '{}' has a negative dim in shape {}",
                                         operand.name, ir::shape_to_string(operand.shape)));
    if (dim != 0 && count > limit / dim)
      fail(operand.location,
           fmt::format("operand '{}' shape {} is too large to fill (limit {} bytes, set {} to raise it)",
                       operand.name, ir::shape_to_string(operand.shape), max_bytes,
                       kMaxConstantBytesVariable));
    count *= dim;
  }
  return count;
}

// Builds one graph (the main one or a subgraph) of a recipe.
class GraphBuilder {
public:
  GraphBuilder(const std::vector<Operand> &operands, const std::vector<Operation> &operations,
               const SourceLocation &location, uint64_t seed, int64_t max_bytes)
      : operands_(operands), operations_(operations), location_(location), seed_(seed),
        max_bytes_(max_bytes) {}

  ir::Graph build(const std::vector<std::string> &inputs, const std::vector<std::string> &outputs) {
    for (const Operand &operand : operands_)
      add_tensor(operand);
    for (const Operation &operation : operations_)
      add_operator(operation);
    graph_.inputs = graph_tensors(inputs, "graph input");
    graph_.outputs = graph_tensors(outputs, "graph output");
    // A graph input's value comes from the caller (the calibration data):
    // tflchef lets it carry filler data, which qgold checks and leaves out.
    for (int32_t input : graph_.inputs)
      graph_.tensors[input].data.reset();
    for (const Operand &operand : operands_)
      if (operand.make_sparse && graph_.is_graph_input(graph_.find_tensor(operand.name)))
        fail(operand.location, fmt::format("operand '{}' is a graph input; make_sparse is for "
                                           "constants",
                                           operand.name));
    // Validated on its own, so that op and tensor indices of errors are this graph's.
    ir::Model alone;
    static_cast<ir::Graph &>(alone) = std::move(graph_);
    try {
      ir::validate_model(alone);
    } catch (const ir::ModelError &e) {
      throw InputError(fmt::format("{}: {}", error_location(e).to_string(), e.what()));
    }
    return std::move(static_cast<ir::Graph &>(alone));
  }

  // Name of the operand a signature entry refers to (by name or by index).
  std::string entry_tensor(const Signature::Entry &entry) const {
    if (entry.index) {
      if (*entry.index >= operands_.size())
        fail(entry.location, fmt::format("tensor_index {} is out of range (the subgraph has {} "
                                         "operands)",
                                         *entry.index, operands_.size()));
      return operands_[*entry.index].name;
    }
    if (index_.find(entry.tensor) == index_.end())
      fail(entry.location, fmt::format("signature tensor '{}' is not a declared operand", entry.tensor));
    return entry.tensor;
  }

private:
  void add_tensor(const Operand &operand) {
    auto [it, inserted] = index_.emplace(operand.name, static_cast<int32_t>(graph_.tensors.size()));
    if (!inserted)
      fail(operand.location,
           fmt::format("duplicate operand name '{}' (first defined at {})", operand.name,
                       operands_[it->second].location.to_string()));
    ir::Tensor tensor;
    tensor.name = operand.name;
    tensor.dtype = operand.dtype;
    tensor.shape = operand.shape;
    tensor.quant = operand.quant;
    tensor.shape_signature = operand.shape_signature;
    int64_t count = checked_element_count(operand, max_bytes_);
    if (operand.filler)
      tensor.data = generate_filler(operand, count, seed_);
    if (operand.make_sparse) {
      if (!tensor.data)
        fail(operand.location,
             fmt::format("operand '{}' has make_sparse but no filler (only constants are stored "
                         "sparse)",
                         operand.name));
      if (operand.shape.empty())
        fail(operand.location,
             fmt::format("operand '{}' is a scalar; make_sparse needs rank >= 1", operand.name));
      ir::SparseData sparse =
          ir::sparsify_last_dim(operand.shape, *tensor.data, ir::dtype_size(operand.dtype));
      tensor.sparsity = std::move(sparse.sparsity);
      tensor.data = std::move(sparse.values);
    }
    graph_.add_tensor(std::move(tensor));
  }

  int32_t resolve(const std::string &name, const SourceLocation &where, std::string_view role) const {
    auto it = index_.find(name);
    if (it == index_.end())
      fail(where, fmt::format("{} '{}' is not a declared operand", role, name));
    return it->second;
  }

  void add_operator(const Operation &operation) {
    ir::Operator op;
    op.code = operation.code;
    op.options = operation.options;
    op.custom_code = operation.custom_code;
    std::string role = fmt::format("{} (op {}) input", ir::op_name(operation.code),
                                   graph_.operators.size());
    for (const std::string &name : operation.inputs)
      op.inputs.push_back(name.empty() ? -1 : resolve(name, operation.location, role));
    role = fmt::format("{} (op {}) output", ir::op_name(operation.code), graph_.operators.size());
    for (const std::string &name : operation.outputs) {
      if (name.empty())
        fail(operation.location, fmt::format("{} names no operand (\"\")", role));
      op.outputs.push_back(resolve(name, operation.location, role));
    }
    graph_.operators.push_back(std::move(op));
  }

  std::vector<int32_t> graph_tensors(const std::vector<std::string> &names, std::string_view role) {
    std::vector<int32_t> result;
    for (const std::string &name : names)
      result.push_back(resolve(name, location_, role));
    return result;
  }

  // The operation's location for operator errors, else the operand's.
  SourceLocation error_location(const ir::ModelError &e) const {
    if (e.op_index >= 0 && static_cast<size_t>(e.op_index) < operations_.size())
      return operations_[e.op_index].location;
    if (e.tensor_index >= 0 && static_cast<size_t>(e.tensor_index) < operands_.size())
      return operands_[e.tensor_index].location;
    return location_;
  }

  const std::vector<Operand> &operands_;
  const std::vector<Operation> &operations_;
  SourceLocation location_;
  uint64_t seed_;
  int64_t max_bytes_;
  ir::Graph graph_;
  std::unordered_map<std::string, int32_t> index_;
};

class ModelBuilder {
public:
  explicit ModelBuilder(const Recipe &recipe) : recipe_(recipe) {}

  ir::Model build() {
    check_constant_budget();
    std::vector<GraphBuilder> builders;
    builders.emplace_back(recipe_.operands, recipe_.operations, recipe_.location, recipe_.seed,
                          max_bytes_);
    static_cast<ir::Graph &>(model_) = builders[0].build(recipe_.inputs, recipe_.outputs);
    model_.name = recipe_.name;
    for (size_t i = 0; i < recipe_.subgraphs.size(); ++i) {
      const Subgraph &graph = recipe_.subgraphs[i];
      builders.emplace_back(graph.operands, graph.operations, graph.location, recipe_.seed,
                            max_bytes_);
      model_.subgraphs.push_back(builders.back().build(graph.inputs, graph.outputs));
      model_.subgraphs.back().name = graph.name.empty() ? fmt::format("sub_{}", i + 1) : graph.name;
    }
    for (const Signature &signature : recipe_.signatures) {
      if (signature.subgraph >= builders.size())
        fail(signature.location, fmt::format("signature '{}' refers to subgraph {}, but the recipe "
                                             "has {} graphs",
                                             signature.key, signature.subgraph, builders.size()));
      const GraphBuilder &graph = builders[signature.subgraph];
      ir::SignatureDef def{signature.key, signature.subgraph, {}, {}};
      for (const Signature::Entry &entry : signature.inputs)
        def.inputs.push_back({entry.alias, graph.entry_tensor(entry)});
      for (const Signature::Entry &entry : signature.outputs)
        def.outputs.push_back({entry.alias, graph.entry_tensor(entry)});
      model_.signature_defs.push_back(std::move(def));
    }
    model_.external_buffers = recipe_.ext_offset;
    try {
      ir::validate_model(model_);
    } catch (const ir::ModelError &e) {
      throw InputError(fmt::format("{}: {}", recipe_.location.to_string(), e.what()));
    }
    // An empty or truncated file parses as an empty recipe; a model without
    // outputs computes nothing, so say so instead of writing it.
    if (model_.outputs.empty())
      fail(recipe_.location, "the recipe declares no graph outputs (expected 'outputs: [...]' in "
                             "YAML, 'output: \"name\"' in tflchef text)");
    return std::move(model_);
  }

private:
  // Sums the filler bytes of every operand of every graph before generating any of them.
  void check_constant_budget() {
    max_bytes_ = max_constant_bytes();
    int64_t total = 0;
    auto add = [&](const std::vector<Operand> &operands) {
      for (const Operand &operand : operands) {
        int64_t count = checked_element_count(operand, max_bytes_);
        if (!operand.filler)
          continue;
        total += count * static_cast<int64_t>(ir::dtype_size(operand.dtype));
        if (total > max_bytes_)
          fail(operand.location,
               fmt::format("the recipe's constants exceed the limit of {} bytes at operand '{}' "
                           "(set {} to raise it)",
                           max_bytes_, operand.name, kMaxConstantBytesVariable));
      }
    };
    add(recipe_.operands);
    for (const Subgraph &graph : recipe_.subgraphs)
      add(graph.operands);
  }

  const Recipe &recipe_;
  ir::Model model_;
  int64_t max_bytes_ = kDefaultMaxConstantBytes;
};

} // namespace

ir::Model build_model(const Recipe &recipe) { return ModelBuilder(recipe).build(); }

} // namespace qgold::recipe
