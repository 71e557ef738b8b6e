// Utilities of the TF.js namespace that hold no math: print, clone, TensorBuffer, env flags,
// nextFrame, time.

tf.print = function(x, verbose = false) {
  console.log(x.toString(verbose));
};

tf.clone = (x) => scoped('clone', () => wrap(E.clone(convert(x, 'x', 'clone', 'string_or_numeric'))));

/** TF.js's TensorBuffer: a mutable, plain-JS array of values with a shape; toTensor() copies. */
function TensorBuffer(shape, dtype, values) {
  this.dtype = dtype;
  this.shape = shape.slice();
  this.size = sizeFromShape(shape);
  if (values != null) {
    const n = values.length;
    assert(n === this.size, () => `Length of values '${n}' does not match the size ` +
        `inferred by the shape '${this.size}'.`);
  }
  checkNotString(dtype);
  this.values = values || (dtype === 'float32' ? new Float32Array(this.size) :
      dtype === 'int32' ? new Int32Array(this.size) : new Uint8Array(this.size));
  this.strides = computeStrides(shape);
}

Object.defineProperty(TensorBuffer.prototype, 'rank', {get() {
  return this.shape.length;
}});

TensorBuffer.prototype.set = function(value, ...locs) {
  if (locs.length === 0) {
    locs = [0];
  }
  assert(locs.length === this.rank, () => `The number of provided coordinates (${locs.length}) must ` +
      `match the rank (${this.rank})`);
  this.values[this.locToIndex(locs)] = value;
};

TensorBuffer.prototype.get = function(...locs) {
  if (locs.length === 0) {
    locs = [0];
  }
  let i = 0;
  for (const loc of locs) {
    if (loc < 0 || loc >= this.shape[i]) {
      throw new Error(`Requested out of range element at ${locs}. ` +
          `  Buffer shape=${this.shape}`);
    }
    i++;
  }
  let index = locs[locs.length - 1];
  for (let k = 0; k < locs.length - 1; ++k) {
    index += this.strides[k] * locs[k];
  }
  return this.values[index];
};

TensorBuffer.prototype.locToIndex = function(locs) {
  if (this.rank === 0) {
    return 0;
  } else if (this.rank === 1) {
    return locs[0];
  }
  let index = locs[locs.length - 1];
  for (let i = 0; i < locs.length - 1; ++i) {
    index += this.strides[i] * locs[i];
  }
  return index;
};

TensorBuffer.prototype.indexToLoc = function(index) {
  if (this.rank === 0) {
    return [];
  } else if (this.rank === 1) {
    return [index];
  }
  const locs = new Array(this.shape.length);
  for (let i = 0; i < locs.length - 1; ++i) {
    locs[i] = Math.floor(index / this.strides[i]);
    index -= locs[i] * this.strides[i];
  }
  locs[locs.length - 1] = index;
  return locs;
};

TensorBuffer.prototype.toTensor = function() {
  return wrap(makeHandle(this.values, this.shape, this.dtype));
};

tf.TensorBuffer = TensorBuffer;

tf.buffer = function(shape, dtype = 'float32', values) {
  return new TensorBuffer(shape, dtype, values);
};

Tensor.prototype.bufferSync = function() {
  return new TensorBuffer(this.shape, this.dtype, this.dataSync());
};

Tensor.prototype.buffer = function() {
  return this.data().then((values) => new TensorBuffer(this.shape, this.dtype, values));
};

// ----------------------------------------------------------------------------- environment

const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
const flags = {
  IS_BROWSER: isBrowser,
  IS_NODE: !isBrowser && typeof process !== 'undefined' && !!(process.versions && process.versions.node),
  IS_TEST: false,
  DEBUG: false,
  PROD: false,
  TENSORLIKE_CHECK_SHAPE_CONSISTENCY: false,
};

// The webgl backend's flags (TF.js names) are read from the backend; WEBGL_CPU_FORWARD and
// CPU_HANDOFF_SIZE_THRESHOLD can be set. Boolean ones are reported as booleans.
const WEBGL_FLAGS = {
  HAS_WEBGL: 'bool', WEBGL_VERSION: 'number', WEBGL_RENDER_FLOAT32_CAPABLE: 'bool',
  WEBGL_RENDER_FLOAT32_ENABLED: 'bool', WEBGL_DOWNLOAD_FLOAT_ENABLED: 'bool',
  WEBGL_FORCE_F16_TEXTURES: 'bool', WEBGL_MAX_TEXTURE_SIZE: 'number', WEBGL_CPU_FORWARD: 'bool',
  CPU_HANDOFF_SIZE_THRESHOLD: 'number', WEBGL_PARALLEL_COMPILE: 'bool',
};

function getFlag(name) {
  if (WEBGL_FLAGS[name] && isBrowser && N.WebGLBridge) {
    const v = N.WebGLBridge.flag(name);
    return WEBGL_FLAGS[name] === 'bool' ? v !== 0 : v;
  }
  return flags[name];
}

const environment = {
  flags,
  get: getFlag,
  getBool: (name) => !!getFlag(name),
  getNumber: (name) => Number(getFlag(name)),
  getFlags: () => {
    const all = Object.assign({}, flags);
    if (isBrowser) {
      Object.keys(WEBGL_FLAGS).forEach((k) => {
        all[k] = getFlag(k);
      });
    }
    return all;
  },
  set: (name, value) => {
    if (WEBGL_FLAGS[name] && isBrowser && N.WebGLBridge) {
      N.WebGLBridge.setFlag(name, Number(value));
    }
    flags[name] = value;
  },
  setFlags: (f) => {
    Object.assign(flags, f);
  },
  reset: () => {},
};

tf.env = () => environment;
tf.ENV = environment;
tf.enableProdMode = () => environment.set('PROD', true);
tf.enableDebugMode = () => environment.set('DEBUG', true);

tf.nextFrame = function() {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'undefined') {
      requestAnimationFrame(() => resolve());
    } else {
      setTimeout(resolve, 0);
    }
  });
};

tf.time = function(f) {
  const start = (typeof performance !== 'undefined' ? performance : Date).now();
  f();
  const wallMs = (typeof performance !== 'undefined' ? performance : Date).now() - start;
  return Promise.resolve({wallMs, kernelMs: wallMs});
};
