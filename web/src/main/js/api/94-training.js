// Training: LayersModel.compile / fit / fitDataset / evaluate / evaluateDataset / trainOnBatch,
// tf.callbacks.earlyStopping and tf.metrics. The loop runs in Java one batch at a time
// (TrainingBridge); this file awaits the callbacks between batches, yields to the page (a
// macrotask at least every 125 ms, or as yieldEvery says) and builds TF.js's History.
const TRB = N.TrainingBridge;
const DEFAULT_YIELD_EVERY_MS = 125;

// ------------------------------------------------------------------------------ metrics

const METRIC_NAMES = ['binaryAccuracy', 'binaryCrossentropy', 'categoricalAccuracy', 'categoricalCrossentropy',
  'precision', 'recall', 'sparseCategoricalAccuracy', 'sparseCategoricalCrossentropy', 'cosine', 'mse', 'MSE', 'mae',
  'MAE', 'mape', 'MAPE'];
const METRIC_ALIASES = {meanSquaredError: 'mse', meanAbsoluteError: 'mae', meanAbsolutePercentageError: 'mape',
  cosineProximity: 'cosine'};

function metricFunction(name) {
  const f = function(yTrue, yPred) {
    return wrap(TRB.metric(name, convert(yTrue, 'yTrue', 'metric'), convert(yPred, 'yPred', 'metric')));
  };
  Object.defineProperty(f, '_samovarMetric', {value: name, enumerable: false});
  Object.defineProperty(f, 'name', {value: name});
  return f;
}

tf.metrics = {r2Score: metricFunction('r2Score')};
METRIC_NAMES.forEach((n) => {
  tf.metrics[n] = metricFunction(n);
});
Object.keys(METRIC_ALIASES).forEach((n) => {
  tf.metrics[n] = tf.metrics[METRIC_ALIASES[n]];
});

/**
 * A loss or metric for Java: a name, {$fn: name} for a tf.metrics function, or {$js: index, name}
 * for a function written in JS ((yTrue, yPred) => Tensor, registered with the bridge; it runs inside
 * the training step, so gradients flow through it; TF.js names it by its `name`).
 */
function lossOrMetricSpec(v, what) {
  if (typeof v === 'string' || v == null) {
    return v;
  }
  if (typeof v === 'function') {
    if (v._samovarMetric !== undefined) {
      return {$fn: v._samovarMetric};
    }
    const fn = v;
    const index = TRB.addFunction(function(yTrue, yPred) {
      const r = fn(wrap(yTrue), wrap(yPred));
      if (!(r instanceof Tensor)) {
        throw new Error(`The custom ${what} function ${fn.name ? `'${fn.name}' ` : ''}must return a Tensor, ` +
            `but returned ${r}`);
      }
      return r._h;
    });
    return {$js: index, name: fn.name == null ? '' : String(fn.name)};
  }
  if (Array.isArray(v)) {
    return v.map((x) => lossOrMetricSpec(x, what));
  }
  const out = {};
  Object.keys(v).forEach((k) => {
    out[k] = lossOrMetricSpec(v[k], what);
  });
  return out;
}

// ------------------------------------------------------------------------------ compile

function optimizerByName(name) {
  const eps = 1e-7;
  const map = {
    Adagrad: () => tf.train.adagrad(0.01),
    Adadelta: () => tf.train.adadelta(1, 0.95, eps),
    Adam: () => tf.train.adam(0.001, 0.9, 0.999, eps),
    Adamax: () => tf.train.adamax(0.002, 0.9, 0.999, eps, 0),
    RMSProp: () => tf.train.rmsprop(0.001, 0.9, 0, eps),
    SGD: () => tf.train.sgd(0.01),
  };
  map.adagrad = map.Adagrad;
  map.adadelta = map.Adadelta;
  map.adam = map.Adam;
  map.adamax = map.Adamax;
  map.rmsprop = map.RMSProp;
  map.sgd = map.SGD;
  if (Object.prototype.hasOwnProperty.call(map, name)) {
    return map[name]();
  }
  throw new Error(`Unknown Optimizer ${name}`);
}

LayersModel.prototype.compile = function(args) {
  const a = args == null ? {} : args;
  const loss = a.loss == null ? [] : a.loss;
  let optimizer = a.optimizer;
  let owned = false;
  if (typeof optimizer === 'string') {
    optimizer = optimizerByName(optimizer);
    owned = true;
  } else if (!(optimizer instanceof tf.Optimizer) || optimizer._o === undefined) {
    throw new Error('User-defined optimizer must be an instance of tf.Optimizer.');
  }
  TRB.clearFunctions();
  TRB.compile(this._l, optimizer._o, owned, JSON.stringify(lossOrMetricSpec(loss, 'loss')),
      a.metrics == null ? null : JSON.stringify(lossOrMetricSpec(a.metrics, 'metric')));
  Object.defineProperty(this, '_optimizer', {value: optimizer, writable: true, configurable: true, enumerable: false});
  this.loss = loss;
  this.metrics = a.metrics;
  this.isOptimizerOwned = owned;
};

Object.defineProperty(LayersModel.prototype, 'optimizer', {
  get() {
    return this._optimizer;
  },
  set(o) {
    Object.defineProperty(this, '_optimizer', {value: o, writable: true, configurable: true, enumerable: false});
  },
  configurable: true,
});

Object.defineProperty(LayersModel.prototype, 'metricsNames', {get() {
  return TRB.isCompiled(this._l) ? JSON.parse(TRB.metricsNames(this._l)) : undefined;
}, configurable: true});

Object.defineProperty(LayersModel.prototype, 'stopTraining', {
  get() {
    return TRB.stopTraining(this._l);
  },
  set(v) {
    TRB.setStopTraining(this._l, !!v);
  },
  configurable: true,
});

// ---------------------------------------------------------------------------- callbacks

/** TF.js's BaseCallback / Callback: subclasses override the hooks. */
function Callback() {
  this.validationData = null;
  this.model = null;
  this.params = null;
}
Callback.prototype.setParams = function(params) {
  this.params = params;
};
Callback.prototype.setModel = function(model) {
  this.model = model;
};
['onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onTrainBegin', 'onTrainEnd'].forEach((hook) => {
  Callback.prototype[hook] = function() {
    return Promise.resolve();
  };
});

/** A callback from a plain object of hooks (TF.js's CustomCallback). */
function customCallback(config) {
  const c = new Callback();
  ['onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onTrainBegin', 'onTrainEnd', 'onYield']
      .forEach((hook) => {
        if (typeof config[hook] === 'function') {
          c[hook] = function() {
            return config[hook].apply(config, arguments);
          };
        }
      });
  return c;
}

function standardizeCallbacks(callbacks) {
  if (callbacks == null) {
    return [];
  }
  const list = Array.isArray(callbacks) ? callbacks : [callbacks];
  return list.map((c) => (c instanceof Callback ? c : customCallback(c)));
}

/** tf.callbacks.earlyStopping: stops fit when the monitored value stops improving. */
function EarlyStopping(args) {
  Callback.call(this);
  const a = args == null ? {} : args;
  if (a.restoreBestWeights) {
    throw new Error('restoreBestWeights = True is not implemented in EarlyStopping yet.');
  }
  this.monitor = a.monitor || 'val_loss';
  this.minDelta = Math.abs(a.minDelta || 0);
  this.patience = a.patience || 0;
  this.verbose = a.verbose || 0;
  this.mode = a.mode || 'auto';
  this.baseline = a.baseline;
  if (['auto', 'min', 'max'].indexOf(this.mode) === -1) {
    console.warn(`EarlyStopping mode '${this.mode}' is invalid. Falling back to mode 'auto'.`);
    this.mode = 'auto';
  }
  this.greater = this.mode === 'max' || (this.mode === 'auto' && this.monitor.indexOf('acc') !== -1);
  if (!this.greater) {
    this.minDelta = -this.minDelta;
  }
}
EarlyStopping.prototype = Object.create(Callback.prototype);
EarlyStopping.prototype.constructor = EarlyStopping;
EarlyStopping.prototype.onTrainBegin = function() {
  this.wait = 0;
  this.stoppedEpoch = 0;
  this.best = this.baseline != null ? this.baseline : (this.greater ? -Infinity : Infinity);
  return Promise.resolve();
};
EarlyStopping.prototype.onEpochEnd = function(epoch, logs) {
  const current = (logs == null ? {} : logs)[this.monitor];
  if (current == null) {
    console.warn(`Metric for EarlyStopping ${this.monitor} is not available. Available metrics are: ` +
        `${Object.keys(logs == null ? {} : logs)}`);
    return Promise.resolve();
  }
  if (TRB.improved(current, this.minDelta, this.best, this.greater)) {
    this.best = current;
    this.wait = 0;
  } else {
    this.wait++;
    if (this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
    }
  }
  return Promise.resolve();
};
EarlyStopping.prototype.onTrainEnd = function() {
  if (this.stoppedEpoch > 0 && this.verbose) {
    console.log(`Epoch ${this.stoppedEpoch}: early stopping.`);
  }
  return Promise.resolve();
};

tf.Callback = Callback;
tf.CustomCallback = function(args) {
  return customCallback(args);
};
tf.EarlyStopping = EarlyStopping;
tf.callbacks = {earlyStopping: (args) => new EarlyStopping(args)};

/**
 * TF.js's History: the object fit returns (made here from the loop's JSON), and a callback that
 * records epochs and logs when made with `new tf.History()`.
 */
function History(json, params) {
  this.validationData = null;
  this.model = null;
  this.params = null;
  if (typeof json === 'string') {
    const h = JSON.parse(json);
    this.epoch = h.epoch;
    this.history = h.history;
    this.params = params;
  }
}
// a BaseCallback, not a tf.Callback (as in TF.js)
['setParams', 'setModel', 'onEpochBegin', 'onBatchBegin', 'onBatchEnd', 'onTrainEnd'].forEach((m) => {
  History.prototype[m] = Callback.prototype[m];
});
History.prototype.onTrainBegin = function() {
  this.epoch = [];
  this.history = {};
  return Promise.resolve();
};
History.prototype.onEpochEnd = function(epoch, logs) {
  const l = logs == null ? {} : logs;
  this.epoch.push(epoch);
  Object.keys(l).forEach((key) => {
    if (this.history[key] == null) {
      this.history[key] = [];
    }
    this.history[key].push(l[key]);
  });
  return Promise.resolve();
};
/** Replaces scalar tensors in the history by their values (TF.js's syncData). */
History.prototype.syncData = function() {
  Object.keys(this.history).forEach((key) => {
    const values = this.history[key];
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number' && values[i] instanceof Tensor) {
        const t = values[i];
        values[i] = t.dataSync()[0];
        t.dispose();
      }
    }
  });
  return Promise.resolve();
};
tf.History = History;

/** TF.js's CallbackList: calls each hook of its callbacks in order. */
function CallbackList(callbacks, queueLength) {
  this.callbacks = callbacks == null ? [] : callbacks;
  this.queueLength = queueLength == null ? 10 : queueLength;
}
CallbackList.prototype.append = function(callback) {
  this.callbacks.push(callback);
};
CallbackList.prototype.setParams = function(params) {
  this.callbacks.forEach((c) => c.setParams(params));
};
CallbackList.prototype.setModel = function(model) {
  this.callbacks.forEach((c) => c.setModel(model));
};
['onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd'].forEach((hook) => {
  CallbackList.prototype[hook] = function(n, logs) {
    const l = logs == null ? {} : logs;
    return sequence(this.callbacks.map((c) => () => c[hook](n, l)));
  };
});
['onTrainBegin', 'onTrainEnd'].forEach((hook) => {
  CallbackList.prototype[hook] = function(logs) {
    const l = logs == null ? {} : logs;
    return sequence(this.callbacks.map((c) => () => c[hook](l)));
  };
});
tf.CallbackList = CallbackList;

/** TF.js's CallbackConstructorRegistry: callbacks made for every fit at or below a verbosity. */
const CALLBACK_CONSTRUCTORS = {};
tf.registerCallbackConstructor = function(verbosityLevel, callbackConstructor) {
  if (!(verbosityLevel >= 0 && Number.isInteger(verbosityLevel))) {
    throw new Error(`Verbosity level is expected to be an integer >= 0, but got ${verbosityLevel}`);
  }
  Object.keys(CALLBACK_CONSTRUCTORS).forEach((level) => {
    CALLBACK_CONSTRUCTORS[level].forEach((ctor) => {
      if (ctor === callbackConstructor) {
        throw new Error('Duplicate callback constructor.');
      }
    });
  });
  if (CALLBACK_CONSTRUCTORS[verbosityLevel] == null) {
    CALLBACK_CONSTRUCTORS[verbosityLevel] = [];
  }
  CALLBACK_CONSTRUCTORS[verbosityLevel].push(callbackConstructor);
};

/** The registered callbacks for a fit of this verbosity (levels in key order, as TF.js). */
function registeredCallbacks(verbose) {
  const out = [];
  Object.keys(CALLBACK_CONSTRUCTORS).forEach((level) => {
    if (verbose >= +level) {
      CALLBACK_CONSTRUCTORS[level].forEach((ctor) => out.push(new ctor()));
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------- fit

/** A macrotask (lets the page render and handle input). */
function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs promise-returning steps in order (no async functions: the page API also runs in HtmlUnit). */
function sequence(fns) {
  return fns.reduce((p, f) => p.then(f), Promise.resolve());
}

/** Calls step() until it resolves to false. */
function repeatAsync(step) {
  return step().then((more) => (more ? repeatAsync(step) : undefined));
}

function makeYielder(yieldEvery, callbacks) {
  const mode = yieldEvery == null ? 'auto' : yieldEvery;
  if (mode === 'never' && callbacks.some((c) => typeof c.onYield === 'function')) {
    throw new Error('yieldEvery is `never` but you provided an `onYield` callback. Either change `yieldEvery` or ' +
        'remove the callback');
  }
  let last = Date.now();
  return function(kind, epoch, batch, logs) {
    let due = false;
    if (mode === 'batch') {
      due = kind === 'batch';
    } else if (mode === 'epoch') {
      due = kind === 'epoch';
    } else if (mode !== 'never') {
      const every = typeof mode === 'number' ? mode : DEFAULT_YIELD_EVERY_MS;
      due = kind === 'batch' && Date.now() - last >= every;
    }
    if (!due) {
      return Promise.resolve();
    }
    return sequence(callbacks.filter((c) => typeof c.onYield === 'function')
        .map((c) => () => c.onYield(epoch, batch, logs)))
        .then(yieldToPage).then(() => {
          last = Date.now();
        });
  };
}

/**
 * Whether a callback receives batch logs (its own onBatchEnd, or onYield): only then are a batch's
 * loss and metric values read, as TF.js resolves them only for such a callback. Without one, fit
 * never waits on the backend between batches.
 */
function readsBatchLogs(callbacks) {
  return callbacks.some((c) => c.onBatchEnd !== Callback.prototype.onBatchEnd || typeof c.onYield === 'function');
}

function each(callbacks, hook, a, b) {
  return sequence(callbacks.map((c) => () => c[hook](a, b)));
}

/**
 * Tensors for Java; with `names` (the model's input or output names) an object of tensors by name
 * is put in that order, as TF.js's standardizeInputData does.
 */
function asTensorList(x, where, names) {
  if (names != null && x != null && !(x instanceof Tensor) && !Array.isArray(x) && typeof x === 'object') {
    const dict = x;
    x = names.map((name) => {
      if (dict[name] == null) {
        throw new Error(`No data provided for "${name}". Need data for each key in: ${names}`);
      }
      return dict[name];
    });
  }
  return tensorList(x, where);
}

/**
 * The epoch / batch loop shared by fit and fitDataset. `ops`: beginEpoch(epoch) → batch count (or
 * null: until the data ends), runBatch(epoch, batch) → logs (null: no more data), endEpoch(epoch) →
 * logs (values or Promises), stop() → whether to stop, history() → JSON.
 */
function trainLoop(model, userCallbacks, params, yieldEvery, initialEpoch, epochs, ops) {
  const callbacks = registeredCallbacks(params.verbose).concat(userCallbacks);
  const yielder = makeYielder(yieldEvery, callbacks);
  callbacks.forEach((c) => {
    c.setParams(params);
    c.setModel(model);
  });
  model.stopTraining = false;
  let epoch = initialEpoch;
  const runEpoch = () => {
    if (epoch >= epochs) {
      return Promise.resolve(false);
    }
    const e = epoch;
    let n = null;
    let batch = 0;
    const runBatch = () => {
      if (n != null && batch >= n) {
        return Promise.resolve(false);
      }
      const b = batch;
      return each(callbacks, 'onBatchBegin', b, {batch: b}).then(() => ops.runBatch(e, b)).then((logs) => {
        if (logs == null) {
          return false;
        }
        batch++;
        return each(callbacks, 'onBatchEnd', b, logs).then(() => yielder('batch', e, b, logs))
            .then(() => !ops.stop());
      });
    };
    return each(callbacks, 'onEpochBegin', e, {})
        .then(() => ops.beginEpoch(e))
        .then((count) => {
          n = count;
          return repeatAsync(runBatch);
        })
        .then(() => ops.endEpoch(e))
        .then((logs) => each(callbacks, 'onEpochEnd', e, logs).then(() => yielder('epoch', e, null, logs)))
        .then(() => {
          epoch++;
          return !ops.stop();
        });
  };
  return each(callbacks, 'onTrainBegin', {})
      .then(() => repeatAsync(runEpoch))
      .then(() => each(callbacks, 'onTrainEnd', {}))
      .then(() => {
        const history = new History(ops.history(), params);
        history.model = model;
        model.history = history;
        return history;
      });
}

function settle(promise, finish) {
  return promise.then((v) => {
    finish();
    return v;
  }, (err) => {
    finish();
    throw err;
  });
}

LayersModel.prototype.fit = function(x, y, args) {
  return Promise.resolve().then(() => {
    const a = args == null ? {} : args;
    let valX = null;
    let valY = null;
    if (a.validationData != null && a.validationData.length > 0) {
      if (a.validationData.length === 3) {
        throw new Error('validationData including sample weights is not supported yet.');
      } else if (a.validationData.length !== 2) {
        throw new Error('When passing validation data, it must contain 2 (valX, valY) or 3 (valX, valY, ' +
            `valSampleWeight) items; ${a.validationData} is invalid.`);
      }
      valX = asTensorList(a.validationData[0], 'fit()', this.inputNames);
      valY = asTensorList(a.validationData[1], 'fit()', this.outputNames);
    }
    if (a.sampleWeight != null) {
      throw new Error('sample weight is not supported yet.');
    }
    const loop = TRB.fitStart(this._l, asTensorList(x, 'fit()', this.inputNames),
        asTensorList(y, 'fit()', this.outputNames), JSON.stringify({
      batchSize: a.batchSize, epochs: a.epochs, validationSplit: a.validationSplit, shuffle: a.shuffle,
      initialEpoch: a.initialEpoch, classWeight: a.classWeight}), valX, valY);
    const finish = () => TRB.fitFinish(loop);
    try {
      const info = JSON.parse(TRB.fitInfo(loop));
      const params = {epochs: info.epochs, initialEpoch: info.initialEpoch, samples: info.samples, steps: null,
        batchSize: info.batchSize, verbose: a.verbose == null ? 1 : a.verbose, doValidation: info.doValidation,
        metrics: info.metrics};
      const callbacks = standardizeCallbacks(a.callbacks);
      const readLogs = readsBatchLogs(callbacks);
      return settle(trainLoop(this, callbacks, params, a.yieldEvery, info.initialEpoch,
          info.epochs, {
            beginEpoch: (e) => TRB.fitBeginEpoch(loop, e),
            runBatch: (e, b) => JSON.parse(TRB.fitRunBatch(loop, b, readLogs)),
            endEpoch: (e) => JSON.parse(TRB.fitEndEpoch(loop, e)),
            stop: () => TRB.fitStopRequested(loop),
            history: () => TRB.fitHistory(loop),
          }), finish);
    } catch (err) {
      finish();
      throw err;
    }
  });
};

LayersModel.prototype.evaluate = function(x, y, args) {
  const a = args == null ? {} : args;
  const out = Array.from(TRB.evaluate(this._l, asTensorList(x, 'evaluate()', this.inputNames),
      asTensorList(y, 'evaluate()', this.outputNames),
      a.batchSize == null ? NaN : Number(a.batchSize), a.batchSize == null), wrap);
  return singletonOrArray(out);
};

LayersModel.prototype.trainOnBatch = function(x, y) {
  return Promise.resolve().then(() => singletonOrArray(Array.from(TRB.trainOnBatch(this._l,
      asTensorList(x, 'trainOnBatch()', this.inputNames), asTensorList(y, 'trainOnBatch()', this.outputNames)))));
};

// ----------------------------------------------------------------------------- datasets

/** {xs, ys} lists from a dataset element ([xs, ys] or {xs, ys}; tensors, arrays or dicts by name). */
function datasetXY(model, value) {
  let xs;
  let ys;
  if (Array.isArray(value)) {
    if (value.length !== 2) {
      throw new Error('Dataset iterator for fitDataset() is expected to generate an Array of length 2: `[xs, ys]`, ' +
          `but instead generates an Array of length ${value.length}`);
    }
    xs = value[0];
    ys = value[1];
  } else {
    xs = value.xs;
    ys = value.ys;
  }
  const flatten = (v, names) => {
    if (v instanceof Tensor) {
      return [v];
    }
    if (Array.isArray(v)) {
      return v;
    }
    return names.map((n) => {
      if (v[n] == null) {
        throw new Error(`The feature data generated by the dataset lacks the required input key '${n}'.`);
      }
      return v[n];
    });
  };
  return {xs: flatten(xs, model.inputNames), ys: flatten(ys, model.outputNames)};
}

function isDataset(v) {
  return v != null && typeof v.iterator === 'function';
}

LayersModel.prototype.fitDataset = function(dataset, args) {
  return Promise.resolve().then(() => {
    const a = args == null ? {} : args;
    if (a.epochs == null) {
      throw new Error('For fitDataset(), the epochs field must be specified.');
    }
    const loop = TRB.datasetStart(this._l, null);
    const doValidation = a.validationData != null;
    const finish = () => TRB.datasetFinish(loop);
    try {
      if (doValidation && !isDataset(a.validationData)) {
        const vd = a.validationData;
        TRB.datasetValidationTensors(loop, asTensorList(vd[0], 'fitDataset()', this.inputNames),
            asTensorList(vd[1], 'fitDataset()', this.outputNames),
            a.validationBatchSize == null ? 32 : a.validationBatchSize);
      }
      const metrics = JSON.parse(TRB.datasetInfo(loop, doValidation));
      const params = {epochs: a.epochs, initialEpoch: a.initialEpoch || 0, samples: null,
        steps: a.batchesPerEpoch == null ? null : a.batchesPerEpoch, batchSize: null,
        verbose: a.verbose == null ? 1 : a.verbose, doValidation, metrics};
      let iterator = null;
      const perEpoch = a.batchesPerEpoch;
      const callbacks = standardizeCallbacks(a.callbacks);
      const readLogs = readsBatchLogs(callbacks);
      return settle(trainLoop(this, callbacks, params, a.yieldEvery, a.initialEpoch || 0,
          a.epochs, {
            beginEpoch: () => {
              TRB.datasetBeginEpoch(loop);
              if (perEpoch == null || iterator == null) {
                return Promise.resolve(dataset.iterator()).then((it) => {
                  iterator = it;
                  return perEpoch == null ? null : perEpoch;
                });
              }
              return perEpoch;
            },
            runBatch: (e, b) => Promise.resolve(iterator.next()).then((next) => {
              if (next.done) {
                if (perEpoch != null) {
                  console.warn('You provided `batchesPerEpoch` as ' + `${perEpoch}, ` +
                      'but your dataset iterator ran out of data after ' + `${b} batches; ` +
                      'interrupting training. Make sure that your ' +
                      'dataset can generate at least `batchesPerEpoch * epochs` ' +
                      'batches (in this case, ' + `${perEpoch * a.epochs} batches). ` +
                      'You may need to use the repeat() function when building ' + 'your dataset.');
                  this.stopTraining = true;
                }
                return null;
              }
              const xy = datasetXY(this, next.value);
              const logs = JSON.parse(TRB.datasetRunBatch(loop, b, asTensorList(xy.xs, 'fitDataset()'),
                  asTensorList(xy.ys, 'fitDataset()'), readLogs));
              tf.dispose(xy.xs);
              tf.dispose(xy.ys);
              return logs;
            }),
            endEpoch: (e) => (doValidation && isDataset(a.validationData) ?
              evaluateInto(this, loop, a.validationData, a.validationBatches) : Promise.resolve())
                .then(() => JSON.parse(TRB.datasetEndEpoch(loop, e))),
            stop: () => this.stopTraining,
            history: () => TRB.datasetHistory(loop),
          }), finish);
    } catch (err) {
      finish();
      throw err;
    }
  });
};

function evaluateInto(model, loop, dataset, batches) {
  return Promise.resolve(dataset.iterator()).then((iterator) => {
    let n = 0;
    return repeatAsync(() => {
      if (batches != null && n >= batches) {
        return Promise.resolve(false);
      }
      return Promise.resolve(iterator.next()).then((next) => {
        if (next.done) {
          return false;
        }
        const xy = datasetXY(model, next.value);
        TRB.datasetEvalBatch(loop, asTensorList(xy.xs, 'evaluateDataset()'), asTensorList(xy.ys, 'evaluateDataset()'));
        tf.dispose(xy.xs);
        tf.dispose(xy.ys);
        n++;
        return true;
      });
    });
  });
}

LayersModel.prototype.evaluateDataset = function(dataset, args) {
  const a = args == null ? {} : args;
  const loop = TRB.datasetStart(this._l, null);
  return settle(evaluateInto(this, loop, dataset, a.batches)
      .then(() => singletonOrArray(Array.from(TRB.datasetEvalResult(loop), wrap))), () => TRB.datasetFinish(loop));
};
