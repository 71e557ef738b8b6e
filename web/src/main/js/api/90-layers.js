// Layers: tf.layers.<factory>(args), the Layer, SymbolicTensor and LayerVariable objects, tf.input.
// A JS layer holds a Java layer (dev.samovar.layers); arguments cross as JSON in which Java-backed
// values (tensors, layers, initializers, ...) are {"$ref": i} items of a RefList. Every rule lives
// in Java (LayersBridge); this file converts arguments and results.
const LB = N.LayersBridge;
const LAYER_WRAPPER = Symbol('samovar.Layer');
const UNDEFINED_MARK = '\u0001undefined\u0001';

/** JSON for Java, with Java-backed values as references: {json, refs}. */
function toJavaArgs(args) {
  const refs = LB.refs();
  if (args === undefined) {
    return {json: null, refs};
  }
  const json = JSON.stringify(args, function(key, value) {
    const v = this[key];
    if (v instanceof Tensor) {
      refs.addTensor(v._h);
    } else if (v instanceof SymbolicTensor) {
      refs.addSymbolic(v._h);
    } else if (v instanceof Layer) {
      refs.addLayer(v._l);
    } else if (v instanceof Initializer && v._j !== undefined) {
      refs.addInitializer(v._j);
    } else if (v instanceof Regularizer && v._j !== undefined) {
      refs.addRegularizer(v._j);
    } else if (v instanceof Constraint && v._j !== undefined) {
      refs.addConstraint(v._j);
    } else if (v instanceof LayerVariable) {
      refs.addVariable(v._v);
    } else {
      return value;
    }
    return {$ref: refs.size() - 1};
  });
  return {json: json === undefined ? null : json, refs};
}

/** Parses JSON from Java, restoring undefined values. */
function fromJava(json) {
  if (json == null) {
    return json;
  }
  return restoreUndefined(JSON.parse(json));
}

function restoreUndefined(v) {
  if (v === UNDEFINED_MARK) {
    return undefined;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      v[i] = restoreUndefined(v[i]);
    }
  } else if (v !== null && typeof v === 'object') {
    Object.keys(v).forEach((k) => {
      v[k] = restoreUndefined(v[k]);
    });
  }
  return v;
}

function singletonOrArray(xs) {
  return xs.length === 1 ? xs[0] : xs;
}

// ------------------------------------------------------------------------- SymbolicTensor

/** TF.js's SymbolicTensor: a placeholder in a graph of layers (shape with null dimensions). */
function SymbolicTensor(handle) {
  Object.defineProperty(this, '_h', {value: handle, enumerable: false});
  const info = JSON.parse(LB.stInfo(handle));
  this.dtype = info.dtype;
  this.shape = info.shape;
  this.id = info.id;
  this.rank = info.shape.length;
  if (info.name != null) {
    this.name = info.name;
    this.originalName = info.originalName;
  }
  if (info.outputTensorIndex != null) {
    this.outputTensorIndex = info.outputTensorIndex;
  }
}

Object.defineProperty(SymbolicTensor.prototype, 'sourceLayer', {get() {
  return wrapLayer(LB.stSourceLayer(this._h));
}});
Object.defineProperty(SymbolicTensor.prototype, 'inputs', {get() {
  return Array.from(LB.stInputs(this._h), wrapSymbolic);
}});
Object.defineProperty(SymbolicTensor.prototype, 'callArgs', {get() {
  return fromJava(LB.stCallArgs(this._h));
}});
Object.defineProperty(SymbolicTensor.prototype, 'nodeIndex', {get() {
  return LB.stNodeIndex(this._h);
}});
Object.defineProperty(SymbolicTensor.prototype, 'tensorIndex', {get() {
  return LB.stTensorIndex(this._h);
}});

function wrapSymbolic(handle) {
  let t = handle[WRAPPER];
  if (t === undefined) {
    t = new SymbolicTensor(handle);
    handle[WRAPPER] = t;
  }
  return t;
}

tf.SymbolicTensor = SymbolicTensor;

// -------------------------------------------------------------------------- LayerVariable

/** TF.js's LayerVariable: a layer's weight; read() gives its tf.Variable. */
function LayerVariable(handle) {
  Object.defineProperty(this, '_v', {value: handle, enumerable: false});
  const info = JSON.parse(LB.lvInfo(handle));
  this.name = info.name;
  this.originalName = info.originalName;
  this.shape = info.shape;
  this.dtype = info.dtype;
  this.id = info.id;
}

LayerVariable.prototype.read = function() {
  return wrapVariable(LB.lvRead(this._v));
};

LayerVariable.prototype.write = function(newVal) {
  LB.lvWrite(this._v, newVal._h);
  return this;
};

LayerVariable.prototype.dispose = function() {
  LB.lvDispose(this._v);
};

Object.defineProperty(LayerVariable.prototype, 'trainable', {
  get() {
    return LB.lvTrainable(this._v);
  },
  set(value) {
    LB.lvSetTrainable(this._v, !!value);
  },
});

Object.defineProperty(LayerVariable.prototype, 'constraint', {get() {
  const c = LB.lvConstraint(this._v);
  return c == null ? null : wrapConstraint(c);
}});

function wrapLayerVariable(handle) {
  let v = handle[LAYER_WRAPPER];
  if (v === undefined) {
    v = new LayerVariable(handle);
    handle[LAYER_WRAPPER] = v;
  }
  return v;
}

tf.LayerVariable = LayerVariable;

// ---------------------------------------------------------------------------------- Layer

/**
 * TF.js's Layer. The objects of built-in layers hold a Java layer (`_l`) and are made by
 * newWrapper. A JS subclass (a custom layer: `class MyLayer extends tf.layers.Layer`, with a static
 * className) calls this constructor through super(config): it gets a Java layer whose build, call,
 * computeOutputShape and getConfig are the subclass's methods (dev.samovar.web.JsLayer); a method
 * the subclass does not override, or its super call, is the base Layer's.
 */
function Layer(config) {
  if (!(this instanceof Layer) || this.constructor === Layer || this._l !== undefined) {
    throw new Error('tf.layers.Layer is the base of custom layers: extend it (class MyLayer extends ' +
        'tf.layers.Layer) and call super(config)');
  }
  const self = this;
  const cls = this.constructor;
  const className = cls.className != null ? String(cls.className) : cls.name;
  const a = toJavaArgs(config == null ? {} : config);
  const handle = LB.customLayer(className, a.json, a.refs,
      (shapeJson) => {
        self.build(JSON.parse(shapeJson));
        return null;
      },
      (shapeJson) => JSON.stringify(self.computeOutputShape(JSON.parse(shapeJson))),
      () => JSON.stringify(self.getConfig()),
      (inputs, kwJson, kwTensors) => {
        const kw = restoreTensorRefs(JSON.parse(kwJson), Array.from(kwTensors, wrap));
        const out = self.call(singletonOrArray(Array.from(inputs, wrap)), kw);
        const list = Array.isArray(out) ? out : [out];
        return toList(list.map((t) => {
          if (!(t instanceof Tensor)) {
            throw new Error(`call() of the custom layer ${self.name} must return a Tensor or an Array of ` +
                `Tensors, but returned ${t}`);
          }
          return t._h;
        }));
      });
  Object.defineProperty(this, '_l', {value: handle, enumerable: false});
  handle[LAYER_WRAPPER] = this;
}

/** kwargs from Java: {"$tensor": i} entries replaced by the tensors. */
function restoreTensorRefs(v, tensors) {
  if (Array.isArray(v)) {
    return v.map((x) => restoreTensorRefs(x, tensors));
  }
  if (v !== null && typeof v === 'object') {
    if (v.$tensor !== undefined) {
      return tensors[v.$tensor];
    }
    const out = {};
    Object.keys(v).forEach((k) => {
      out[k] = restoreTensorRefs(v[k], tensors);
    });
    return out;
  }
  return v;
}

/** TF.js's static fromConfig: `new cls(config)`. */
Layer.fromConfig = function(cls, config) {
  return new cls(config);
};

/** addWeight(name, shape, dtype, initializer, regularizer, trainable, constraint): a new weight of this layer. */
Layer.prototype.addWeight = function(name, shape, dtype, initializer, regularizer, trainable, constraint) {
  const a = toJavaArgs({initializer, regularizer, trainable, constraint});
  return wrapLayerVariable(LB.customAddWeight(this._l, name, JSON.stringify(shape), dtype == null ? null : dtype,
      a.json, a.refs));
};

/** A JS object of the given prototype holding a Java handle under `key`. */
function newWrapper(proto, key, handle) {
  const o = Object.create(proto);
  Object.defineProperty(o, key, {value: handle, enumerable: false});
  return o;
}

Layer.prototype.getClassName = function() {
  return LB.className(this._l);
};

Layer.prototype.apply = function(inputs, kwargs) {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const refs = LB.refs();
  let symbolic = false;
  let concrete = false;
  list.forEach((x) => {
    if (x instanceof SymbolicTensor) {
      symbolic = true;
      refs.addSymbolic(x._h);
    } else if (x instanceof Tensor) {
      concrete = true;
      refs.addTensor(x._h);
    } else {
      concrete = true;
      symbolic = true;
    }
  });
  if (symbolic === concrete) {
    throw new Error('Arguments to apply() must be all SymbolicTensors or all Tensors');
  }
  const kw = toJavaArgs(kwargs);
  const out = LB.applyLayer(this._l, refs, kw.json, kw.refs);
  return singletonOrArray(Array.from(out, symbolic ? wrapSymbolic : wrap));
};

/** Runs the layer's computation directly on tensors (no build, no checks), as TF.js's call. */
Layer.prototype.call = function(inputs, kwargs) {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const kw = toJavaArgs(kwargs);
  return singletonOrArray(Array.from(LB.callLayer(this._l, toList(list.map((x) => x._h)), kw.json, kw.refs), wrap));
};

Layer.prototype.getConfig = function() {
  return fromJava(LB.getConfig(this._l));
};

Layer.prototype.getWeights = function(trainableOnly = false) {
  return Array.from(LB.getWeights(this._l, !!trainableOnly), wrapVariable);
};

Layer.prototype.setWeights = function(weights) {
  LB.setWeights(this._l, toList(weights.map((w) => {
    if (!(w instanceof Tensor)) {
      throw new Error('setWeights() expects an Array of Tensors');
    }
    return w._h;
  })));
};

Layer.prototype.countParams = function() {
  return LB.countParams(this._l);
};

Layer.prototype.build = function(inputShape) {
  LB.build(this._l, JSON.stringify(inputShape));
};

Layer.prototype.computeOutputShape = function(inputShape) {
  return JSON.parse(LB.computeOutputShape(this._l, JSON.stringify(inputShape)));
};

Layer.prototype.dispose = function() {
  return JSON.parse(LB.dispose(this._l));
};

Layer.prototype.getInputAt = function(nodeIndex) {
  return singletonOrArray(Array.from(LB.getInputAt(this._l, nodeIndex), wrapSymbolic));
};

Layer.prototype.getOutputAt = function(nodeIndex) {
  return singletonOrArray(Array.from(LB.getOutputAt(this._l, nodeIndex), wrapSymbolic));
};

Layer.prototype.calculateLosses = function() {
  return Array.from(LB.calculateLosses(this._l), wrap);
};

Layer.prototype.setFastWeightInitDuringBuild = function(value) {
  LB.setFastWeightInitDuringBuild(this._l, !!value);
};

Layer.prototype.resetStates = function() {
  throw new Error('Cannot call the resetStates() method of a non-stateful Layer object.');
};

function layerProperty(name, get, set) {
  Object.defineProperty(Layer.prototype, name, {get, set: set || shadowingSetter(name), configurable: true});
}

/**
 * Assigning a read-only property (`this.units = ...`, `this.kernel = this.addWeight(...)` in a
 * custom layer) makes it the object's own value, as assigning a TF.js layer's field does.
 */
function shadowingSetter(name) {
  return function(v) {
    Object.defineProperty(this, name, {value: v, writable: true, configurable: true, enumerable: true});
  };
}

layerProperty('name', function() {
  return LB.layerName(this._l);
}, function(v) {
  LB.setName(this._l, String(v));
});
layerProperty('id', function() {
  return LB.id(this._l);
});
layerProperty('trainable', function() {
  return LB.trainable(this._l);
}, function(v) {
  LB.setTrainable(this._l, !!v);
});
layerProperty('built', function() {
  return LB.built(this._l);
}, function(v) {
  LB.setBuilt(this._l, !!v);
});
layerProperty('weights', function() {
  return Array.from(LB.weights(this._l, 0), wrapLayerVariable);
});
layerProperty('trainableWeights', function() {
  return Array.from(LB.weights(this._l, 1), wrapLayerVariable);
});
layerProperty('nonTrainableWeights', function() {
  return Array.from(LB.weights(this._l, 2), wrapLayerVariable);
});
layerProperty('outputShape', function() {
  return JSON.parse(LB.outputShape(this._l));
});
layerProperty('inputSpec', function() {
  return JSON.parse(LB.fields(this._l)).inputSpec;
});
layerProperty('batchInputShape', function() {
  const s = JSON.parse(LB.fields(this._l)).batchInputShape;
  return s == null ? undefined : s;
});
layerProperty('dtype', function() {
  const d = JSON.parse(LB.fields(this._l)).dtype;
  return d == null ? undefined : d;
});
layerProperty('supportsMasking', function() {
  return LB.supportsMasking(this._l);
});
layerProperty('stateful', function() {
  return LB.stateful(this._l);
});
layerProperty('input', function() {
  return singletonOrArray(Array.from(LB.input(this._l), wrapSymbolic));
});
layerProperty('output', function() {
  return singletonOrArray(Array.from(LB.output(this._l), wrapSymbolic));
});
layerProperty('losses', function() {
  const n = LB.lossCount(this._l);
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(() => wrap(LB.calculateLosses(this._l)[i]));
  }
  return out;
});
layerProperty('inboundNodes', function() {
  return new Array(LB.inboundNodeCount(this._l));
});
layerProperty('kernel', function() {
  const v = LB.field(this._l, 'kernel');
  return v == null ? undefined : wrapLayerVariable(v);
});
layerProperty('bias', function() {
  const v = LB.field(this._l, 'bias');
  return v == null ? undefined : wrapLayerVariable(v);
});

/** Config fields that TF.js layers expose as properties (read from getConfig()). */
const CONFIG_PROPERTIES = ['units', 'useBias', 'rate', 'noiseShape', 'seed', 'targetShape', 'dataFormat', 'sparse',
  'filters', 'kernelSize', 'strides', 'padding', 'dilationRate', 'numTokens', 'outputMode'];
CONFIG_PROPERTIES.forEach((k) => layerProperty(k, function() {
  return this.getConfig()[k];
}));
layerProperty('activation', function() {
  const name = this.getConfig().activation;
  return name === undefined ? undefined : makeActivation(name);
});

/** An activation object: getClassName() and apply(x), computed in Java. */
function makeActivation(name) {
  return {
    getClassName: () => name,
    getConfig: () => ({}),
    apply: (x) => wrap(LB.activationApply(name, x._h)),
  };
}

/** Functions (handle) => prototype or null: other files add the classes TF.js exports (tf.RNN, ...). */
const LAYER_PROTOTYPE_HOOKS = [];

function layerPrototypeOf(handle) {
  for (let i = 0; i < LAYER_PROTOTYPE_HOOKS.length; i++) {
    const p = LAYER_PROTOTYPE_HOOKS[i](handle);
    if (p != null) {
      return p;
    }
  }
  return Layer.prototype;
}

/** The one JS object of a Java layer (a model gets its model class). */
function wrapLayer(handle) {
  if (handle == null) {
    return handle;
  }
  let l = handle[LAYER_WRAPPER];
  if (l === undefined) {
    if (LB.isSequential(handle)) {
      l = newWrapper(Sequential.prototype, '_l', handle);
    } else if (LB.isModel(handle)) {
      l = newWrapper(LB.className(handle) === 'Functional' ? Functional.prototype : LayersModel.prototype, '_l',
          handle);
    } else {
      l = newWrapper(layerPrototypeOf(handle), '_l', handle);
    }
    handle[LAYER_WRAPPER] = l;
  }
  return l;
}

/** A layer factory: makes the Java class from TF.js's argument object. */
function layerFactory(className) {
  return function(args) {
    const a = toJavaArgs(args === undefined ? {} : args);
    return wrapLayer(LB.create(className, a.json, a.refs));
  };
}

/** A merge factory: an Array of inputs applies a new layer to them (TF.js's tf.layers.add([a, b])). */
function mergeFactory(className) {
  const make = layerFactory(className);
  return function(config) {
    if (Array.isArray(config)) {
      return make({}).apply(config);
    }
    return make(config);
  };
}

tf.layers = {
  Layer,
  inputLayer: layerFactory('InputLayer'),
  dense: layerFactory('Dense'),
  activation: layerFactory('Activation'),
  flatten: layerFactory('Flatten'),
  reshape: layerFactory('Reshape'),
  dropout: layerFactory('Dropout'),
  spatialDropout1d: layerFactory('SpatialDropout1D'),
  permute: layerFactory('Permute'),
  repeatVector: layerFactory('RepeatVector'),
  conv1d: layerFactory('Conv1D'),
  conv2d: layerFactory('Conv2D'),
  conv2dTranspose: layerFactory('Conv2DTranspose'),
  depthwiseConv2d: layerFactory('DepthwiseConv2D'),
  separableConv2d: layerFactory('SeparableConv2D'),
  cropping2D: layerFactory('Cropping2D'),
  upSampling2d: layerFactory('UpSampling2D'),
  zeroPadding2d: layerFactory('ZeroPadding2D'),
  maxPooling1d: layerFactory('MaxPooling1D'),
  maxPool1d: layerFactory('MaxPooling1D'),
  maxPooling2d: layerFactory('MaxPooling2D'),
  maxPool2d: layerFactory('MaxPooling2D'),
  averagePooling1d: layerFactory('AveragePooling1D'),
  avgPool1d: layerFactory('AveragePooling1D'),
  avgPooling1d: layerFactory('AveragePooling1D'),
  averagePooling2d: layerFactory('AveragePooling2D'),
  avgPool2d: layerFactory('AveragePooling2D'),
  avgPooling2d: layerFactory('AveragePooling2D'),
  conv3d: layerFactory('Conv3D'),
  conv3dTranspose: layerFactory('Conv3DTranspose'),
  maxPooling3d: layerFactory('MaxPooling3D'),
  averagePooling3d: layerFactory('AveragePooling3D'),
  avgPool3d: layerFactory('AveragePooling3D'),
  avgPooling3d: layerFactory('AveragePooling3D'),
  globalAveragePooling1d: layerFactory('GlobalAveragePooling1D'),
  globalAveragePooling2d: layerFactory('GlobalAveragePooling2D'),
  globalMaxPooling1d: layerFactory('GlobalMaxPooling1D'),
  globalMaxPool1d: layerFactory('GlobalMaxPooling1D'),
  globalMaxPooling2d: layerFactory('GlobalMaxPooling2D'),
  globalMaxPool2d: layerFactory('GlobalMaxPooling2D'),
  batchNormalization: layerFactory('BatchNormalization'),
  layerNormalization: layerFactory('LayerNormalization'),
  add: mergeFactory('Add'),
  multiply: mergeFactory('Multiply'),
  average: mergeFactory('Average'),
  maximum: mergeFactory('Maximum'),
  minimum: mergeFactory('Minimum'),
  concatenate: mergeFactory('Concatenate'),
  dot: layerFactory('Dot'),
  reLU: layerFactory('ReLU'),
  leakyReLU: layerFactory('LeakyReLU'),
  prelu: layerFactory('PReLU'),
  elu: layerFactory('ELU'),
  thresholdedReLU: layerFactory('ThresholdedReLU'),
  softmax: layerFactory('Softmax'),
  gaussianNoise: layerFactory('GaussianNoise'),
  gaussianDropout: layerFactory('GaussianDropout'),
  rescaling: layerFactory('Rescaling'),
  resizing: layerFactory('Resizing'),
  centerCrop: layerFactory('CenterCrop'),
  alphaDropout: layerFactory('AlphaDropout'),
  categoryEncoding: layerFactory('CategoryEncoding'),
};

/** tf.input({shape | batchShape, name, dtype, sparse}): a model input. */
tf.input = function(config) {
  return wrapSymbolic(LB.inputTensor(JSON.stringify(config)));
};
tf.layers.input = tf.input;
tf.version_layers = '4.22.0';
tf.version['tfjs-layers'] = '4.22.0';

/** TF.js's InputSpec: the dtype, shape, ndim, maxNDim, minNDim and axes a layer accepts. */
function InputSpec(args) {
  this.dtype = args.dtype;
  this.shape = args.shape;
  this.ndim = args.shape != null ? args.shape.length : args.ndim;
  this.maxNDim = args.maxNDim;
  this.minNDim = args.minNDim;
  this.axes = args.axes || {};
}
tf.InputSpec = InputSpec;

// ------------------------------------------------------------------------- tf.serialization

const CUSTOM_OBJECTS = new Map();
const CUSTOM_NAMES = new Map();

/** TF.js's Serializable: getClassName() is the constructor's static className. */
function Serializable() {}
Serializable.prototype.getClassName = function() {
  return this.constructor.className;
};
Serializable.fromConfig = function(cls, config) {
  return new cls(config);
};

/** TF.js's SerializationMap: className → [class, fromConfig]. */
function SerializationMap() {
  this.classNameMap = {};
}
SerializationMap.getMap = function() {
  if (SerializationMap.instance == null) {
    SerializationMap.instance = new SerializationMap();
  }
  return SerializationMap.instance;
};
SerializationMap.register = function(cls) {
  SerializationMap.getMap().classNameMap[cls.className] = [cls, cls.fromConfig];
  if (cls.prototype instanceof Layer) {
    const name = cls.className;
    LB.registerCustomLayer(name, (configJson) => {
      const entry = SerializationMap.getMap().classNameMap[name];
      const config = fromJava(configJson);
      const obj = entry[1] != null ? entry[1].call(entry[0], entry[0], config) : new entry[0](config);
      return obj._l;
    });
  }
};

/** registerClass(cls, pkg = 'Custom', name = cls.className): custom layers deserialize by className. */
function registerClass(cls, pkg, name) {
  if (cls.className == null) {
    throw new Error('Class being registered does not have the static className property defined.');
  }
  if (typeof cls.className !== 'string') {
    throw new Error('className is required to be a string, but got type ' + typeof cls.className);
  }
  if (cls.className.length === 0) {
    throw new Error('Class being registered has an empty-string as its className, which is disallowed.');
  }
  const registerName = (pkg === undefined ? 'Custom' : pkg) + '>' + (name === undefined ? cls.className : name);
  SerializationMap.register(cls);
  CUSTOM_OBJECTS.set(registerName, cls);
  CUSTOM_NAMES.set(cls, registerName);
  return cls;
}

function getRegisteredName(cls) {
  return CUSTOM_NAMES.has(cls) ? CUSTOM_NAMES.get(cls) : cls.className;
}

tf.serialization = {Serializable, SerializationMap, registerClass, getRegisteredName};
