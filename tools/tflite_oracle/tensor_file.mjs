// Tensors of the oracle's JSON files (README.md, "The tensor file"): each carries its bytes
// exactly as little-endian hex and, for reading, as JSON values.
export const FORMAT = 'qgold-tflite-oracle/1';

// Element sizes and the typed arrays that read little-endian element values (x86-64 and
// WebAssembly are both little-endian).
export const DTYPES = {
  float32: { size: 4, array: Float32Array },
  float64: { size: 8, array: Float64Array },
  int8: { size: 1, array: Int8Array },
  uint8: { size: 1, array: Uint8Array },
  int16: { size: 2, array: Int16Array },
  int32: { size: 4, array: Int32Array },
  int64: { size: 8, array: BigInt64Array },
  bool: { size: 1, array: Uint8Array },
};

const INTEGER_RANGES = {
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};
const SPECIAL_FLOATS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

function elementValue(dtype, value) {
  if (dtype === 'bool') {
    if (typeof value !== 'boolean') throw new Error(`expected true or false, found ${JSON.stringify(value)}`);
    return value ? 1 : 0;
  }
  if (dtype === 'float32' || dtype === 'float64') {
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value in SPECIAL_FLOATS) return SPECIAL_FLOATS[value];
    throw new Error(`expected a number, "NaN", "Infinity" or "-Infinity", found ${JSON.stringify(value)}`);
  }
  let integer;
  if (typeof value === 'number' && Number.isSafeInteger(value)) integer = BigInt(value);
  else if (dtype === 'int64' && typeof value === 'string' && /^-?[0-9]+$/.test(value)) integer = BigInt(value);
  else throw new Error(`expected an integer${dtype === 'int64' ? ' (or a decimal string)' : ''}, found ${JSON.stringify(value)}`);
  const [low, high] = INTEGER_RANGES[dtype];
  if (integer < low || integer > high) throw new Error(`${value} is out of the ${dtype} range [${low}, ${high}]`);
  return dtype === 'int64' ? integer : Number(integer);
}

// A tensor object of a file -> { name, dtype, shape, bytes }. Throws Error with what is wrong.
export function decodeTensor(tensor) {
  if (typeof tensor !== 'object' || tensor === null || Array.isArray(tensor)) throw new Error('expected an object');
  for (const key of Object.keys(tensor))
    if (!['name', 'kind', 'dtype', 'shape', 'hex', 'values'].includes(key)) throw new Error(`unknown key "${key}"`);
  const { name, dtype, shape } = tensor;
  if (name !== undefined && typeof name !== 'string') throw new Error('"name" must be a string');
  if (!(dtype in DTYPES)) throw new Error(`"dtype" must be one of ${Object.keys(DTYPES).join(' ')}, found ${JSON.stringify(dtype)}`);
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    throw new Error('"shape" must be an array of non-negative integers');
  const count = shape.reduce((a, b) => a * b, 1);
  const { size, array } = DTYPES[dtype];
  // "hex" is exact; "values" is read only when there is no "hex" (an output file can be fed back).
  if (tensor.hex === undefined && tensor.values === undefined) throw new Error('expected "hex" or "values"');
  let bytes;
  if (tensor.hex !== undefined) {
    if (typeof tensor.hex !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(tensor.hex))
      throw new Error('"hex" must be a string of hex digit pairs');
    bytes = new Uint8Array(Buffer.from(tensor.hex, 'hex'));
    if (bytes.length !== count * size)
      throw new Error(`"hex" holds ${bytes.length} bytes; ${dtype} [${shape.join(', ')}] needs ${count * size}`);
  } else {
    if (!Array.isArray(tensor.values)) throw new Error('"values" must be a flat array');
    if (tensor.values.length !== count)
      throw new Error(`"values" holds ${tensor.values.length} elements; shape [${shape.join(', ')}] has ${count}`);
    const typed = new array(count);
    tensor.values.forEach((value, i) => {
      try {
        typed[i] = elementValue(dtype, value);
      } catch (e) {
        throw new Error(`"values"[${i}]: ${e.message}`);
      }
    });
    bytes = new Uint8Array(typed.buffer);
  }
  if (dtype === 'bool' && bytes.some((b) => b > 1)) throw new Error('a bool element is neither 0 nor 1');
  return { name, dtype, shape, bytes };
}

function jsonValue(dtype, value) {
  if (dtype === 'bool') return value !== 0;
  if (dtype === 'int64') return value.toString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

// { name, kind, dtype, shape } and the raw bytes -> the tensor object written to a file.
export function encodeTensor(header, bytes) {
  const { array } = DTYPES[header.dtype];
  const copy = new Uint8Array(bytes);
  const values = Array.from(new array(copy.buffer), (v) => jsonValue(header.dtype, v));
  return { ...header, hex: Buffer.from(copy).toString('hex'), values };
}
