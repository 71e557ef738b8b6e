// Optimizers: tf.train.sgd, momentum, adagrad, adadelta, adam, adamax, rmsprop and the classes
// TF.js exports (tf.Optimizer, tf.SGDOptimizer, ...). The loss function is JS, so minimize
// computes its gradients here with tf.variableGrads; applying them (all the math and the optimizer
// state) is Java (dev.samovar.train, through OptimizerBridge).
const OB = N.OptimizerBridge;

/**
 * TF.js's Optimizer. The built-in optimizers hold a Java optimizer (`_o`); a subclass written in JS
 * implements applyGradients and counts with incrementIterations, as in TF.js.
 */
function Optimizer() {
}

Optimizer.prototype.minimize = function(f, returnCost = false, varList) {
  const {value, grads} = this.computeGradients(f, varList);
  if (varList != null) {
    this.applyGradients(varList.map((v) => ({name: v.name, tensor: grads[v.name]})));
  } else {
    this.applyGradients(grads);
  }
  tf.dispose(grads);
  if (returnCost) {
    return value;
  }
  value.dispose();
  return null;
};

Optimizer.prototype.computeGradients = function(f, varList) {
  return tf.variableGrads(f, varList);
};

Object.defineProperty(Optimizer.prototype, 'iterations', {get() {
  if (this._o !== undefined) {
    return OB.iterations(this._o);
  }
  if (this.iterations_ == null) {
    this.iterations_ = 0;
  }
  return this.iterations_;
}});

Optimizer.prototype.incrementIterations = function() {
  this.iterations_ = this.iterations + 1;
};

/** Updates variables from a map {name: gradient} or a list [{name, tensor}] (null: no update). */
Optimizer.prototype.applyGradients = function(variableGradients) {
  if (this._o === undefined) {
    throw new Error('applyGradients() is not implemented for this optimizer');
  }
  const isArray = Array.isArray(variableGradients);
  const names = isArray ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
  const grads = names.map((name, i) => {
    const g = isArray ? variableGradients[i].tensor : variableGradients[name];
    return g == null ? null : g._h;
  });
  OB.applyGradients(this._o, names, toList(grads));
};

Optimizer.prototype.dispose = function() {
  if (this._o !== undefined) {
    OB.dispose(this._o);
  }
};

Optimizer.prototype.saveIterations = function() {
  return Promise.resolve({name: 'iter', tensor: tf.scalar(this.iterations, 'int32')});
};

/** The state, as TF.js names and orders it: 'iter' (a new int32 scalar), then the slot variables. */
Optimizer.prototype.getWeights = function() {
  return new Promise((resolve) => {
    if (this._o === undefined) {
      throw new Error('getWeights() is not implemented for this optimizer yet.');
    }
    const tensors = OB.getWeights(this._o);
    const names = OB.lastWeightNames();
    resolve(Array.from(tensors, (h, i) => ({name: names[i], tensor: wrapAny(h)})));
  });
};

/** Restores state saved by getWeights(): the iteration count and new slot variables. */
Optimizer.prototype.setWeights = function(weightValues) {
  return new Promise((resolve) => {
    if (this._o === undefined) {
      throw new Error(`setWeights() is not implemented for this optimizer class ${this.getClassName()}`);
    }
    const names = weightValues.map((w) => w.name);
    const tensors = weightValues.map((w) => {
      if (!(w.tensor instanceof Tensor)) {
        throw new Error('The weights passed to setWeights() must be {name, tensor} with a Tensor');
      }
      return w.tensor._h;
    });
    OB.setWeights(this._o, names, toList(tensors));
    resolve();
  });
};

Optimizer.prototype.extractIterations = function(weightValues) {
  return weightValues[0].tensor.data().then((values) => {
    this.iterations_ = values[0];
    return weightValues.slice(1);
  });
};

Optimizer.prototype.getClassName = function() {
  return this.constructor.className;
};

Optimizer.prototype.getConfig = function() {
  const keys = this.constructor.configKeys || [];
  const config = {};
  keys.forEach((k) => {
    config[k] = this[k];
  });
  return config;
};

// As in TF.js, `x instanceof tf.Optimizer` (and of every optimizer class, which inherit it) asks
// only whether x has minimize, computeGradients and applyGradients.
if (typeof Symbol === 'function' && Symbol.hasInstance) {
  try {
    Object.defineProperty(Optimizer, Symbol.hasInstance, {value: (instance) => instance != null &&
        instance.minimize != null && instance.computeGradients != null && instance.applyGradients != null});
  } catch (e) {
    // An engine without Symbol.hasInstance keeps the prototype check.
  }
}

/**
 * Declares an optimizer class: its TF.js className, its config keys (numbers, or booleans for
 * the names in `booleans`) as properties read from and assigned to the Java optimizer.
 */
function optimizerClass(ctor, parent, className, keys, booleans = []) {
  ctor.prototype = Object.create(parent.prototype);
  ctor.prototype.constructor = ctor;
  Object.setPrototypeOf(ctor, parent);
  Object.defineProperty(ctor, 'className', {value: className, configurable: true});
  ctor.configKeys = keys;
  keys.forEach((k) => {
    const bool = booleans.indexOf(k) >= 0;
    Object.defineProperty(ctor.prototype, k, {
      configurable: true,
      get() {
        return bool ? OB.getBoolean(this._o, k) : OB.getNumber(this._o, k);
      },
      set(value) {
        if (bool) {
          OB.setBoolean(this._o, k, !!value);
        } else {
          OB.setNumber(this._o, k, Number(value));
        }
      },
    });
  });
  ctor.fromConfig = (cls, config) => {
    const C = cls || ctor;
    return construct(C, keys.map((k) => config[k]));
  };
  return ctor;
}

/** new C(...args) without spread (HtmlUnit). */
function construct(C, args) {
  return new (Function.prototype.bind.apply(C, [null].concat(args)))();
}

function setHandle(self, handle) {
  Object.defineProperty(self, '_o', {value: handle, enumerable: false});
}

function epsilonArgs(epsilon) {
  return epsilon == null ? [0, true] : [Number(epsilon), false];
}

function SGDOptimizer(learningRate) {
  Optimizer.call(this);
  setHandle(this, OB.sgd(Number(learningRate)));
}
optimizerClass(SGDOptimizer, Optimizer, 'SGD', ['learningRate']);

/** Sets the learning rate used from the next step on. */
SGDOptimizer.prototype.setLearningRate = function(learningRate) {
  OB.setLearningRate(this._o, Number(learningRate));
};

function MomentumOptimizer(learningRate, momentum, useNesterov = false) {
  Optimizer.call(this);
  setHandle(this, OB.momentum(Number(learningRate), Number(momentum), !!useNesterov));
}
optimizerClass(MomentumOptimizer, SGDOptimizer, 'Momentum', ['learningRate', 'momentum', 'useNesterov'],
    ['useNesterov']);

/** As in TF.js, changes the configured momentum only (steps use the momentum given at construction). */
MomentumOptimizer.prototype.setMomentum = function(momentum) {
  OB.setMomentum(this._o, Number(momentum));
};

function AdagradOptimizer(learningRate, initialAccumulatorValue = 0.1) {
  Optimizer.call(this);
  setHandle(this, OB.adagrad(Number(learningRate), Number(initialAccumulatorValue)));
}
optimizerClass(AdagradOptimizer, Optimizer, 'Adagrad', ['learningRate', 'initialAccumulatorValue']);

function AdadeltaOptimizer(learningRate, rho, epsilon = null) {
  Optimizer.call(this);
  const e = epsilonArgs(epsilon);
  setHandle(this, OB.adadelta(Number(learningRate), Number(rho), e[0], e[1]));
}
optimizerClass(AdadeltaOptimizer, Optimizer, 'Adadelta', ['learningRate', 'rho', 'epsilon']);

function AdamOptimizer(learningRate, beta1, beta2, epsilon = null) {
  Optimizer.call(this);
  const e = epsilonArgs(epsilon);
  setHandle(this, OB.adam(Number(learningRate), Number(beta1), Number(beta2), e[0], e[1]));
}
optimizerClass(AdamOptimizer, Optimizer, 'Adam', ['learningRate', 'beta1', 'beta2', 'epsilon']);

function AdamaxOptimizer(learningRate, beta1, beta2, epsilon = null, decay = 0.0) {
  Optimizer.call(this);
  const e = epsilonArgs(epsilon);
  setHandle(this, OB.adamax(Number(learningRate), Number(beta1), Number(beta2), e[0], e[1], Number(decay)));
}
optimizerClass(AdamaxOptimizer, Optimizer, 'Adamax', ['learningRate', 'beta1', 'beta2', 'epsilon', 'decay']);

function RMSPropOptimizer(learningRate, decay = 0.9, momentum = 0.0, epsilon = null, centered = false) {
  Optimizer.call(this);
  if (learningRate == null) {
    throw new Error('learningRate for RMSPropOptimizer must be defined.');
  }
  const e = epsilonArgs(epsilon);
  setHandle(this, OB.rmsprop(Number(learningRate), Number(decay), Number(momentum), e[0], e[1], !!centered));
}
optimizerClass(RMSPropOptimizer, Optimizer, 'RMSProp', ['learningRate', 'decay', 'momentum', 'epsilon', 'centered'],
    ['centered']);

tf.Optimizer = Optimizer;
tf.SGDOptimizer = SGDOptimizer;
tf.MomentumOptimizer = MomentumOptimizer;
tf.AdagradOptimizer = AdagradOptimizer;
tf.AdadeltaOptimizer = AdadeltaOptimizer;
tf.AdamOptimizer = AdamOptimizer;
tf.AdamaxOptimizer = AdamaxOptimizer;
tf.RMSPropOptimizer = RMSPropOptimizer;

/** tf.train: the optimizers with TF.js's defaults. */
tf.train = {
  sgd: (learningRate) => new SGDOptimizer(learningRate),
  momentum: (learningRate, momentum, useNesterov = false) => new MomentumOptimizer(learningRate, momentum,
      useNesterov),
  rmsprop: (learningRate, decay = 0.9, momentum = 0.0, epsilon = null, centered = false) =>
    new RMSPropOptimizer(learningRate, decay, momentum, epsilon, centered),
  adam: (learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = null) =>
    new AdamOptimizer(learningRate, beta1, beta2, epsilon),
  adadelta: (learningRate = 0.001, rho = 0.95, epsilon = null) => new AdadeltaOptimizer(learningRate, rho, epsilon),
  adamax: (learningRate = 0.002, beta1 = 0.9, beta2 = 0.999, epsilon = null, decay = 0.0) =>
    new AdamaxOptimizer(learningRate, beta1, beta2, epsilon, decay),
  adagrad: (learningRate, initialAccumulatorValue = 0.1) => new AdagradOptimizer(learningRate,
      initialAccumulatorValue),
};
tf.OptimizerConstructors = tf.train;

if (Tensor.prototype.variable === undefined) {
  /** TF.js's tensor.variable(trainable, name, dtype): a variable holding this tensor's value. */
  Tensor.prototype.variable = function(trainable = true, name, dtype) {
    this.throwIfDisposed();
    return tf.variable(this, trainable, name, dtype);
  };
}
