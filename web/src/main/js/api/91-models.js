// Models: tf.sequential, tf.model, tf.models.modelFromJSON and the LayersModel / Sequential objects
// (predict, summary, getLayer, toJSON, ...). A model object holds a Java model (`_l`), so it is also
// a Layer. Training (compile, fit, evaluate) is added to LayersModel.prototype by the training file;
// a Sequential inherits it.

/** TF.js's LayersModel (class name 'Model'): tf.model({inputs, outputs, name}). */
function LayersModel(args) {
  if (args == null || args.inputs == null || args.outputs == null) {
    throw new Error('tf.model() needs {inputs, outputs}');
  }
  const list = (x) => toListOf(Array.isArray(x) ? x : [x], 'addSymbolic', SymbolicTensor, 'tf.model()');
  const h = LB.model(list(args.inputs), list(args.outputs), args.name == null ? null : String(args.name));
  Object.defineProperty(this, '_l', {value: h, enumerable: false});
  h[LAYER_WRAPPER] = this;
}
LayersModel.prototype = Object.create(Layer.prototype);
LayersModel.prototype.constructor = LayersModel;
LayersModel.className = 'Model';

/** A RefList of Java handles of JS objects of a type. */
function toListOf(items, adder, type, where) {
  const refs = LB.refs();
  items.forEach((x) => {
    if (!(x instanceof type)) {
      throw new Error(`${where} expects ${type === SymbolicTensor ? 'SymbolicTensors' : 'Layers'}, but got ${x}`);
    }
    refs[adder](type === SymbolicTensor ? x._h : x._l);
  });
  return refs;
}

/** Tensors (or one tensor) as a TensorList. */
function tensorList(x, where) {
  const xs = Array.isArray(x) ? x : [x];
  return toList(xs.map((t) => {
    if (!(t instanceof Tensor)) {
      throw new Error(`${where} expects a Tensor or an Array of Tensors, but got ${t}`);
    }
    return t._h;
  }));
}

/** An object of tensors by name (which TF.js's predict and predictOnBatch do not take). */
function isTensorDict(x) {
  return x != null && typeof x === 'object' && !(x instanceof Tensor) && !Array.isArray(x);
}

LayersModel.prototype.predict = function(x, args = {}) {
  if (isTensorDict(x)) {
    throw new Error('Error when checking model : the Array of Tensors that you are passing to your model is not ' +
        `the size the the model expected. Expected to see ${this.inputs.length} Tensor(s), but instead got 0 ` +
        'Tensors(s).');
  }
  const batchSize = args == null ? undefined : args.batchSize;
  return singletonOrArray(Array.from(LB.predict(this._l, tensorList(x, 'predict()'),
      batchSize == null ? NaN : Number(batchSize), batchSize == null), wrap));
};

LayersModel.prototype.predictOnBatch = function(x) {
  if (isTensorDict(x) && this.inputs.length > 1) {
    throw new Error(`The model expects ${this.inputs.length}  Tensors, but only received one Tensor. Found: array ` +
        'with shape undefined.');
  }
  return singletonOrArray(Array.from(LB.predictOnBatch(this._l, tensorList(x, 'predictOnBatch()')), wrap));
};

LayersModel.prototype.execute = function(inputs, outputs) {
  let xs = inputs;
  if (!(inputs instanceof Tensor) && !Array.isArray(inputs)) {
    xs = this.inputs.map((input) => {
      const v = inputs[input.name];
      if (v == null) {
        throw new Error(`No value is provided for the model's input ${input.name}`);
      }
      return v;
    });
  }
  const names = Array.isArray(outputs) ? outputs : [outputs];
  const out = Array.from(LB.execute(this._l, tensorList(xs, 'execute()'), JSON.stringify(names)), wrap);
  return Array.isArray(outputs) ? out : out[0];
};

LayersModel.prototype.summary = function(lineLength, positions, printFn = console.log) {
  const lines = LB.summary(this._l, lineLength == null ? 0 : Number(lineLength),
      positions == null ? null : JSON.stringify(positions));
  for (let i = 0; i < lines.length; i++) {
    printFn(lines[i]);
  }
};

LayersModel.prototype.getLayer = function(nameOrIndex, index) {
  if (index != null) {
    return wrapLayer(LB.getLayerByIndex(this._l, index));
  }
  if (nameOrIndex == null) {
    throw new Error('Provide either a layer name or layer index');
  }
  if (typeof nameOrIndex === 'number') {
    return wrapLayer(LB.getLayerByIndex(this._l, nameOrIndex));
  }
  return wrapLayer(LB.getLayerByName(this._l, String(nameOrIndex)));
};

LayersModel.prototype.toJSON = function(unused, returnString = true) {
  const json = LB.toJson(this._l);
  return returnString ? json : JSON.parse(json);
};

LayersModel.prototype.getClassName = function() {
  return LB.className(this._l);
};

function modelProperty(name, get) {
  Object.defineProperty(LayersModel.prototype, name, {get, configurable: true});
}
modelProperty('layers', function() {
  return Array.from(LB.layers(this._l), wrapLayer);
});
modelProperty('inputs', function() {
  return Array.from(LB.modelInputs(this._l), wrapSymbolic);
});
modelProperty('outputs', function() {
  return Array.from(LB.modelOutputs(this._l), wrapSymbolic);
});
modelProperty('inputLayers', function() {
  return Array.from(LB.inputLayers(this._l), wrapLayer);
});
modelProperty('outputLayers', function() {
  return Array.from(LB.outputLayers(this._l), wrapLayer);
});
modelProperty('inputNames', function() {
  return JSON.parse(LB.names(this._l, true));
});
modelProperty('outputNames', function() {
  return JSON.parse(LB.names(this._l, false));
});

/** TF.js's Functional: a LayersModel loaded from a Keras 'Functional' config. */
function Functional(args) {
  LayersModel.call(this, args);
}
Functional.prototype = Object.create(LayersModel.prototype);
Functional.prototype.constructor = Functional;
Functional.className = 'Functional';

/** TF.js's Sequential: tf.sequential({layers, name}). */
function Sequential(args) {
  const a = args == null ? {} : args;
  const h = LB.sequential(a.name == null ? null : JSON.stringify({name: String(a.name)}), LB.refs());
  Object.defineProperty(this, '_l', {value: h, enumerable: false});
  h[LAYER_WRAPPER] = this;
  if (a.layers != null) {
    a.layers.forEach((l) => this.add(l));
  }
}
Sequential.prototype = Object.create(LayersModel.prototype);
Sequential.prototype.constructor = Sequential;
Sequential.className = 'Sequential';

Sequential.prototype.add = function(layer) {
  if (!(layer instanceof Layer)) {
    throw new Error('Sequential.add() expects a Layer (or a model)');
  }
  LB.add(this._l, layer._l);
};

Sequential.prototype.pop = function() {
  LB.pop(this._l);
};

tf.LayersModel = LayersModel;
tf.Functional = Functional;
tf.Sequential = Sequential;

tf.model = (args) => new LayersModel(args);
tf.sequential = (config) => new Sequential(config);

tf.models = {
  /**
   * A model from a topology (model.toJSON(), a model.json's modelTopology or the whole model.json
   * without weights), as a Promise.
   */
  modelFromJSON: (modelAndWeightsConfig, customObjects) => new Promise((resolve) => {
    const text = typeof modelAndWeightsConfig === 'string' ? modelAndWeightsConfig :
      JSON.stringify(modelAndWeightsConfig);
    resolve(wrapLayer(LB.modelFromJson(text)));
  }),
};
