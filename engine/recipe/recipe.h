#pragma once

#include "ir/model.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qgold::recipe {

// Where something was written in a recipe file (1-based line and column).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string to_string() const; // "file:line:column"
};

struct Filler {
  std::string tag;               // explicit | constant | gaussian | uniform
  std::vector<std::string> args; // as written, parsed per the operand dtype when building
  SourceLocation location;
};

struct Operand {
  std::string name;
  ir::DType dtype = ir::DType::Float32;
  ir::Shape shape;
  std::optional<Filler> filler;
  std::optional<ir::QuantParams> quant;
  // Dims as a converter declares them, -1 where dynamic; empty when not given.
  std::vector<int32_t> shape_signature;
  // Store the constant sparse (tflchef's make_sparse: every dim dense but the
  // last, which is CSR); the model then needs a Densify to read it.
  bool make_sparse = false;
  SourceLocation location;
};

struct Operation {
  ir::OpCode code;
  std::vector<std::string> inputs; // "" = optional input absent
  std::vector<std::string> outputs;
  ir::Options options;
  std::string custom_code; // type "Custom" only: the op's custom code
  SourceLocation location;
};

// A further subgraph (tflchef's `graph { ... }`), subgraph 1, 2, ... of the model.
struct Subgraph {
  std::string name; // "" = tflchef's default sub_<n>
  std::vector<Operand> operands;
  std::vector<Operation> operations;
  std::vector<std::string> inputs, outputs;
  SourceLocation location;
};

// A signature def: graph inputs/outputs of one subgraph under alias names.
struct Signature {
  struct Entry {
    std::string alias;
    std::string tensor;         // an operand name of the subgraph, or
    std::optional<uint32_t> index; // its index among the subgraph's operands
    SourceLocation location;
  };
  std::string key;
  uint32_t subgraph = 0;
  std::vector<Entry> inputs, outputs;
  SourceLocation location;
};

// `calibration:` of a YAML recipe: the dataset qgold's own suite generates for
// record-minmax (uniform values in [min, max] per element).
struct Calibration {
  uint32_t records = 5;
  float min = -1.0f, max = 1.0f;
  std::optional<uint64_t> seed; // default: the recipe seed
  SourceLocation location;
};

// One layer override of a test's qconf (circle-quantizer --config).
struct QConfLayer {
  std::vector<std::string> names; // `name: x` is one name; `names: [..]` several
  bool single_name = false;       // written as `name:` (kept for to_yaml)
  ir::DType dtype = ir::DType::UInt8;  // UInt8 | Int16
  std::string granularity;             // layer | channel
  SourceLocation location;
};

// One entry of `tests:`: a configuration the recipe is tested in.
struct TestConfig {
  std::string granularity; // layer | channel
  ir::DType dtype = ir::DType::UInt8;
  bool weights_only = false;
  std::vector<QConfLayer> qconf; // non-empty: a mixed-precision case "<recipe>_config"
  SourceLocation location;
};

// "uint8", "int8", "int16" (names of test and qconf dtypes); "" for other dtypes.
std::string_view test_dtype_name(ir::DType dtype);

struct Recipe {
  std::string name = "main";
  uint64_t seed = 0; // seed of the gaussian/uniform fillers; the same seed gives the same bytes
  std::vector<Operand> operands;
  std::vector<Operation> operations;
  std::vector<std::string> inputs, outputs;
  std::vector<Subgraph> subgraphs;
  std::vector<Signature> signatures;
  bool ext_offset = false; // constant buffers after the FlatBuffer
  std::optional<Calibration> calibration; // YAML only
  std::vector<TestConfig> tests;          // YAML only
  SourceLocation location; // the file
};

// Parsers. Errors are InputError "file:line:column: message".
// parse_tflchef_recipe reads protobuf text format with libprotobuf's TextFormat.
Recipe parse_yaml_recipe(const std::string &text, const std::string &file);
Recipe parse_tflchef_recipe(const std::string &text, const std::string &file);
// By extension: .yaml/.yml -> YAML, anything else (test.recipe, .rule) -> tflchef text.
Recipe load_recipe(const std::filesystem::path &path);

// qgold's YAML form of a recipe (convert-recipe); parse_yaml_recipe(to_yaml(r)) == r.
std::string to_yaml(const Recipe &recipe);
// The tflchef text form of a recipe. Random fillers (gaussian, uniform) are
// written as explicit values, since tflchef text has no seed; so
// build_model(parse_tflchef_recipe(to_tflchef(r))) builds the model r builds.
std::string to_tflchef(const Recipe &recipe);

// Generates filler data and builds a validated model. Errors point at the
// recipe location of the offending operand or operation.
ir::Model build_model(const Recipe &recipe);

} // namespace qgold::recipe
