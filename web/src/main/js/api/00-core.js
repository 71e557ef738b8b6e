// ---------------------------------------------------------------------------------------------
// Core of the JS API: the Tensor class, conversion of JS values (numbers, nested arrays, typed
// arrays) to tensors with TF.js's inference rules and messages, memory and backend functions.
// Every op lives in Java; the files after this one only normalize arguments and call a bridge.
// ---------------------------------------------------------------------------------------------

const E = N.EngineBridge;

/** The namespace returned as `samovar` (use it as `const tf = samovar;`). */
const tf = {};

tf.version = {'tfjs-core': '4.22.0', 'tfjs': '4.22.0', 'samovar': '0.1.0'};
tf.version_core = '4.22.0';

function isTypedArray(a) {
  return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array ||
      a instanceof Uint8ClampedArray;
}

function isNumber(v) {
  return typeof v === 'number';
}

function computeStrides(shape) {
  const rank = shape.length;
  if (rank < 2) {
    return [];
  }
  const strides = new Array(rank - 1);
  strides[rank - 2] = shape[rank - 1];
  for (let i = rank - 3; i >= 0; --i) {
    strides[i] = strides[i + 1] * shape[i + 1];
  }
  return strides;
}

function sizeFromShape(shape) {
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    size *= shape[i];
  }
  return size;
}

function assert(cond, msg) {
  if (!cond) {
    throw new Error(typeof msg === 'function' ? msg() : msg);
  }
}

/**
 * The JS wrapper of one Java tensor is stored on the Java object under this symbol: one wrapper per
 * tensor, so identity is preserved (a WeakMap costs far more garbage-collection time).
 */
const WRAPPER = Symbol('samovar.Tensor');

// A constructor function, not a `class`: HtmlUnit's JS engine (used by the smoke tests) has no
// class syntax. For the same reason the API files avoid spread in calls (use apply).
const DTYPES = ['float32', 'int32', 'bool'];

function Tensor(handle) {
  Object.defineProperty(this, '_h', {value: handle, enumerable: false});
  const info = E.info(handle);
  const rank = info.length - 2;
  const shape = new Array(rank);
  let size = 1;
  for (let i = 0; i < rank; i++) {
    shape[i] = info[i + 2];
    size *= shape[i];
  }
  this.shape = shape;
  this.dtype = DTYPES[info[1]];
  this.size = size;
  this.id = info[0];
  this.rankType = rank < 5 ? String(rank) : 'higher';
}

Object.defineProperty(Tensor.prototype, 'strides', {get() {
  return computeStrides(this.shape);
}});

Object.defineProperty(Tensor.prototype, 'rank', {get() {
  return this.shape.length;
}});

Object.defineProperty(Tensor.prototype, 'isDisposed', {get() {
  return E.isDisposed(this._h);
}});

Object.defineProperty(Tensor.prototype, 'kept', {get() {
  return E.isKept(this._h);
}});

Tensor.prototype.throwIfDisposed = function() {
  if (this.isDisposed) {
    throw new Error('Tensor is disposed.');
  }
};

/**
 * The values: Float32Array (float32), Int32Array (int32) or Uint8Array (bool). As in TF.js's cpu
 * backend, float32 and int32 values are the tensor's own buffer, not a copy: do not modify them.
 */
Tensor.prototype.dataSync = function() {
  this.throwIfDisposed();
  if (this.dtype === 'float32') {
    return E.floats(this._h);
  }
  const ints = E.ints(this._h);
  return this.dtype === 'bool' ? Uint8Array.from(ints) : ints;
};

/**
 * The values, without blocking the page where the backend can: on webgl the GPU copies them into a
 * pixel-pack buffer behind a fence, and the promise resolves once the fence has passed (the page
 * keeps running meanwhile). On cpu it resolves at once with the tensor's own buffer.
 */
Tensor.prototype.data = function() {
  this.throwIfDisposed();
  const dtype = this.dtype;
  return new Promise((resolve, reject) => {
    E.read(this._h, (values, error) => {
      if (error != null) {
        reject(new Error(error));
      } else {
        resolve(dtype === 'bool' ? Uint8Array.from(values) : values);
      }
    });
  });
};

Tensor.prototype.arraySync = function() {
  return toNestedArray(this.shape, this.dataSync());
};

Tensor.prototype.array = function() {
  return this.data().then((values) => toNestedArray(this.shape, values));
};

Tensor.prototype.toString = function(verbose = false) {
  this.throwIfDisposed();
  return E.format(this._h, !!verbose);
};

Tensor.prototype.print = function(verbose = false) {
  console.log(this.toString(verbose));
};

Tensor.prototype.clone = function() {
  this.throwIfDisposed();
  return wrap(E.clone(this._h));
};

Tensor.prototype.dispose = function() {
  E.dispose(this._h);
};

tf.Tensor = Tensor;

function wrap(handle) {
  let t = handle[WRAPPER];
  if (t === undefined) {
    t = new Tensor(handle);
    handle[WRAPPER] = t;
  }
  return t;
}

/** Wraps an array of Java tensors. */
function wrapAll(handles) {
  return Array.from(handles, wrap);
}

function toNestedArray(shape, values) {
  if (shape.length === 0) {
    return values[0];
  }
  const size = sizeFromShape(shape);
  if (size === 0) {
    return [];
  }
  const rec = (offset, axis) => {
    const n = shape[axis];
    const out = new Array(n);
    if (axis === shape.length - 1) {
      for (let i = 0; i < n; i++) {
        out[i] = values[offset + i];
      }
      return out;
    }
    let stride = 1;
    for (let i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    for (let i = 0; i < n; i++) {
      out[i] = rec(offset + i * stride, axis + 1);
    }
    return out;
  };
  return rec(0, 0);
}

// ------------------------------------------------------------------ conversion (TF.js rules)

function inferDtype(values) {
  if (Array.isArray(values)) {
    return inferDtype(values[0]);
  }
  if (values instanceof Float32Array) {
    return 'float32';
  }
  if (values instanceof Int32Array || values instanceof Uint8Array ||
      values instanceof Uint8ClampedArray) {
    return 'int32';
  }
  if (isNumber(values)) {
    return 'float32';
  }
  if (typeof values === 'string') {
    return 'string';
  }
  if (typeof values === 'boolean') {
    return 'bool';
  }
  return 'float32';
}

function inferShape(val) {
  if (isTypedArray(val)) {
    return [val.length];
  }
  if (!Array.isArray(val)) {
    return [];
  }
  const shape = [];
  let first = val;
  while (Array.isArray(first) || isTypedArray(first)) {
    shape.push(first.length);
    first = first[0];
  }
  return shape;
}

function flatten(arr, result = []) {
  if (arr == null) {
    return result;
  }
  if (Array.isArray(arr) || isTypedArray(arr)) {
    for (let i = 0; i < arr.length; ++i) {
      flatten(arr[i], result);
    }
  } else {
    result.push(arr);
  }
  return result;
}

function checkNotString(dtype) {
  if (dtype === 'string') {
    throw new Error('string tensors are not supported by samovar yet: use float32, int32 or bool');
  }
  if (dtype === 'complex64') {
    throw new Error('complex64 tensors are not supported by samovar yet: use float32, int32 or bool');
  }
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new Error(`Unknown data type ${dtype}`);
  }
}

/** Makes a Java tensor from flat JS values (array or typed array) with TF.js's conversions. */
function makeHandle(values, shape, dtype) {
  checkNotString(dtype);
  const flat = Array.isArray(values) ? flatten(values) : values;
  // The bridge takes over the array it is given: pass a fresh one, never the caller's.
  if (dtype === 'float32') {
    return E.fromFloats(flat instanceof Float32Array ? flat.slice() : new Float32Array(flat), shape);
  }
  if (dtype === 'int32') {
    return E.fromInts(flat instanceof Int32Array ? flat.slice() : new Int32Array(flat), shape, 'int32');
  }
  const bools = new Int32Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    bools[i] = Math.round(flat[i]) !== 0 ? 1 : 0;
  }
  return E.fromInts(bools, shape, 'bool');
}

function checkShapeArg(shape) {
  if (shape == null) {
    return;
  }
  assert(Array.isArray(shape) || isTypedArray(shape),
      () => `Error creating a new Tensor: the shape must be an array of numbers, but got ${shape}`);
  shape.forEach((d) => assert(Number.isInteger(d) && d >= 0,
      () => `Tensor must have a shape comprised of positive integers but got shape [${shape}].`));
}

/** tf.tensor's makeTensor: values, optional shape and dtype. */
function makeTensor(values, shape, inferredDtype, dtype) {
  if (dtype == null) {
    dtype = inferDtype(values);
  }
  if (!isTypedArray(values) && !Array.isArray(values) && typeof values !== 'number' &&
      typeof values !== 'boolean' && typeof values !== 'string') {
    throw new Error('values passed to tensor(values) must be a number/boolean/string or an array ' +
        'of numbers/booleans/strings, or a TypedArray');
  }
  checkNotString(dtype);
  const inferredShape = inferShape(values);
  if (shape != null) {
    checkShapeArg(shape);
    const providedSize = sizeFromShape(shape);
    const inferredSize = sizeFromShape(inferredShape);
    assert(providedSize === inferredSize, () => `Based on the provided shape, [${shape}], the ` +
        `tensor should have ${providedSize} values but has ${inferredSize}`);
    for (let i = 0; i < inferredShape.length; ++i) {
      const inferred = inferredShape[i];
      const flatDimsDontMatch = i === inferredShape.length - 1 ?
          inferred !== sizeFromShape(shape.slice(i)) : true;
      assert(inferredShape[i] === shape[i] || !flatDimsDontMatch,
          () => `Error creating a new Tensor. Inferred shape (${inferredShape}) does not match ` +
              `the provided shape (${shape}). `);
    }
  }
  if (!isTypedArray(values) && !Array.isArray(values)) {
    values = [values];
  }
  shape = shape || inferredShape;
  return wrap(makeHandle(values, Array.from(shape), dtype));
}

/**
 * TF.js's convertToTensor: a Tensor passes through (its dtype is checked by the Java op); a number,
 * boolean, array or typed array becomes a new tensor, parsed as `parseAsDtype` when that is a
 * concrete dtype. Returns the Java handle.
 */
function convert(x, argName, functionName, parseAsDtype = 'numeric') {
  if (x instanceof Tensor) {
    return x._h;
  }
  let inferredDtype = inferDtype(x);
  if (inferredDtype !== 'string' && ['bool', 'int32', 'float32'].indexOf(parseAsDtype) >= 0) {
    inferredDtype = parseAsDtype;
  }
  if (parseAsDtype === 'numeric' && inferredDtype === 'string' ||
      ['bool', 'int32', 'float32'].indexOf(parseAsDtype) >= 0 && parseAsDtype !== inferredDtype) {
    throw new Error(`Argument '${argName}' passed to '${functionName}' must be ` +
        `${parseAsDtype} tensor, but got ${inferredDtype} tensor`);
  }
  if (x == null || (!isTypedArray(x) && !Array.isArray(x) && typeof x !== 'number' &&
      typeof x !== 'boolean' && typeof x !== 'string')) {
    const type = x == null ? 'null' : x.constructor.name;
    throw new Error(`Argument '${argName}' passed to '${functionName}' must be a Tensor or ` +
        `TensorLike, but got '${type}'`);
  }
  const shape = inferShape(x);
  const values = (isTypedArray(x) || Array.isArray(x)) ? x : [x];
  return makeHandle(values, shape, inferredDtype);
}

/** TF.js's convertToTensorArray: a list of tensors or tensor-likes, as Java handles. */
function convertList(xs, argName, functionName, parseAsDtype = 'numeric') {
  if (!Array.isArray(xs)) {
    throw new Error(`Argument ${argName} passed to ${functionName} must be a ` +
        '`Tensor[]` or `TensorLike[]`');
  }
  return xs.map((x, i) => convert(x, `${argName}[${i}]`, functionName, parseAsDtype));
}

/** An axis argument: null/undefined, a number or an array → null or an int array. */
function axisArg(axis) {
  if (axis == null) {
    return null;
  }
  return Array.isArray(axis) ? axis : [axis];
}

/** A Java TensorList holding the given handles (arrays of Java objects do not cross intact). */
function toList(handles) {
  const list = E.list();
  for (let i = 0; i < handles.length; i++) {
    list.add(handles[i]);
  }
  return list;
}

/** Runs `fn` in a Java scope, as TF.js's op() wrapper: JS-side conversions are released too. */
function scoped(name, fn) {
  const scope = E.startScope();
  let result;
  try {
    result = fn();
  } catch (e) {
    E.endScope(scope, null);
    throw e;
  }
  if (result instanceof Tensor) {
    E.endScopeWith(scope, result._h);
  } else {
    E.endScope(scope, toList(collectHandles(result)));
  }
  return result;
}

// ------------------------------------------------------------------------------------ memory

function collectHandles(result, out = []) {
  if (result == null) {
    return out;
  }
  if (result instanceof Tensor) {
    out.push(result._h);
  } else if (Array.isArray(result)) {
    result.forEach((r) => collectHandles(r, out));
  } else if (typeof result === 'object' && !isTypedArray(result)) {
    Object.keys(result).forEach((k) => collectHandles(result[k], out));
  }
  return out;
}

tf.tidy = function(nameOrFn, fn) {
  let name = null;
  if (fn == null) {
    assert(typeof nameOrFn === 'function', 'Please provide a function to tidy()');
    fn = nameOrFn;
  } else {
    assert(typeof nameOrFn === 'string' || nameOrFn instanceof String,
        'When calling with two arguments, the first argument to tidy() must be a string');
    assert(typeof fn === 'function',
        'When calling with two arguments, the 2nd argument to tidy() must be a function');
    name = nameOrFn;
  }
  const scope = E.startScope();
  let result;
  try {
    result = fn();
  } catch (e) {
    E.endScope(scope, null);
    throw e;
  }
  if (result instanceof Promise) {
    console.error('Cannot return a Promise inside of tidy.');
  }
  E.endScope(scope, toList(collectHandles(result)));
  return result;
};

tf.keep = function(result) {
  if (result instanceof Tensor) {
    E.keep(result._h);
  }
  return result;
};

tf.dispose = function(container) {
  collectHandles(container).forEach((h) => E.dispose(h));
};

tf.memory = function() {
  const m = E.memory();
  const info = {};
  if (m[3]) {
    info.unreliable = true;
    info.reasons = Array.from(E.memoryReasons());
  }
  const fields = E.memoryFieldNames();
  if (fields.length > 0) {
    // The backend's own fields first, as TF.js merges backend.memory() (webgl: unreliable: false,
    // numBytesInGPU, numBytesInGPUAllocated, numBytesInGPUFree; Samovar adds numTextures,
    // numTexturesFree).
    if (!m[3]) {
      info.unreliable = false;
    }
    const values = E.memoryFieldValues();
    for (let i = 0; i < fields.length; i++) {
      info[fields[i]] = values[i];
    }
  }
  info.numTensors = m[0];
  info.numDataBuffers = m[1];
  info.numBytes = m[2];
  return info;
};

tf.setBackend = function(name) {
  return Promise.resolve(E.setBackend(name));
};

tf.getBackend = function() {
  return E.getBackend();
};

tf.ready = function() {
  E.getBackend();
  return Promise.resolve();
};

/**
 * A descriptor of the active backend (TF.js returns the backend object): its name,
 * floatPrecision() (32: Samovar never computes in half floats), epsilon(), and on webgl
 * getGPGPUContext().gl, the WebGL2 context.
 */
tf.backend = function() {
  const name = E.getBackend();
  const b = {
    name,
    floatPrecision: () => E.floatPrecision(),
    epsilon: () => (E.floatPrecision() === 32 ? 1e-7 : 1e-4),
    memory: () => tf.memory(),
  };
  if (name === 'cpu') {
    b.blockSize = 48;
  }
  if (name === 'webgl') {
    b.getGPGPUContext = () => ({gl: N.WebGLBridge.glContext()});
  }
  return b;
};

tf.findBackend = function(name) {
  return tf.registeredBackends().indexOf(name) >= 0 && (name !== 'webgl' || N.WebGLBridge.available()) ?
    {name} : null;
};

tf.engine = function() {
  return {
    backendName: E.getBackend(),
    registryFactory: Array.from(E.backendNames()),
    memory: tf.memory,
  };
};

tf.registeredBackends = function() {
  return Array.from(E.backendNames());
};

// --------------------------------------------------------------------------- tensor creation

tf.tensor = function(values, shape, dtype) {
  return makeTensor(values, shape, inferDtype(values), dtype);
};

tf.scalar = function(value, dtype) {
  if (((isTypedArray(value) && dtype !== 'string') || Array.isArray(value)) && dtype !== 'complex64') {
    throw new Error('Error creating a new Scalar: value must be a primitive (number|boolean|string)');
  }
  return makeTensor(value, [], inferDtype(value), dtype);
};

const RANK_WORDS = ['', '', 'two', 'three', 'four', 'five', 'six'];

/** tensor2d ... tensor6d: values nested to `rank` levels, or flat with a shape. */
function tensorNd(rank) {
  return function(values, shape, dtype) {
    const fn = `tensor${rank}d()`;
    if (values == null) {
      throw new Error('The input to the tensor constructor must be a non-null value.');
    }
    if (shape != null && shape.length !== rank) {
      throw new Error(`${fn} requires shape to have ${RANK_WORDS[rank]} numbers`);
    }
    const inferredShape = inferShape(values);
    if (inferredShape.length !== rank && inferredShape.length !== 1) {
      throw new Error(`${fn} requires values to be number` + '[]'.repeat(rank) + ' or flat/TypedArray');
    }
    if (inferredShape.length === 1 && shape == null) {
      throw new Error(`${fn} requires shape to be provided when \`values\` ` +
          (rank === 2 ? 'are a flat/TypedArray' : 'are a flat array'));
    }
    return makeTensor(values, shape, inferDtype(values), dtype);
  };
}

/** tensor1d(values, dtype): note there is no shape argument. */
tf.tensor1d = function(values, dtype) {
  if (values == null) {
    throw new Error('The input to the tensor constructor must be a non-null value.');
  }
  if (inferShape(values).length !== 1) {
    throw new Error('tensor1d() requires values to be a flat/TypedArray');
  }
  return makeTensor(values, null, inferDtype(values), dtype);
};
tf.tensor2d = tensorNd(2);
tf.tensor3d = tensorNd(3);
tf.tensor4d = tensorNd(4);
tf.tensor5d = tensorNd(5);
tf.tensor6d = tensorNd(6);

tf.util = {sizeFromShape, computeStrides, flatten: (a) => flatten(a), inferDtype, assert};

/** Adds tensor methods that call the op of the same name with the tensor first (x.add(y)). */
function chain(...names) {
  names.forEach((name) => {
    Tensor.prototype[name] = function(...args) {
      this.throwIfDisposed();
      return tf[name].apply(tf, [this].concat(args));
    };
  });
}
