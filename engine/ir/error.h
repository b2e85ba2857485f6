#pragma once

#include <stdexcept>
#include <string>

namespace qgold {

// Bad input from the user: a recipe, model, dataset, golden or config that is
// malformed or inconsistent. The message names the file, the place and what
// was expected. Tools map it to exit status 2.
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A feature qgold does not implement (an op, dtype or option). Also bad input
// from the user's point of view (exit status 2), but worth telling apart in tests.
class UnsupportedError : public InputError {
public:
  using InputError::InputError;
};

} // namespace qgold
