// ---------------------------------------------------------------------------------------------
// Graph models: tf.loadGraphModel and tf.GraphModel (TF.js's tfjs-converter API). The model.json
// and the shards come from an IOHandler's load() (tf.io's, for a URL); everything else — the
// GraphDef, signatures, weights, the execution and memory plans, every op — is Java
// (dev.samovar.graph through GraphModelBridge).
// ---------------------------------------------------------------------------------------------

const GB = N.GraphModelBridge;

/**
 * TF.js's GraphModel.findIOHandler: an IOHandler as it is; with requestInit, tf.io's http handler;
 * else the handler tf.io's routers find for the URL, and where none does, tf.io's http handler
 * (browserHTTPRequest: model.json, then the shards with requestInit, weightPathPrefix,
 * weightUrlConverter, fetchFunc, onProgress), as TF.js assumes a relative http path.
 */
function findGraphHandler(path, options) {
  if (path.load != null) {
    return path;
  }
  if (options.requestInit != null) {
    return tf.io.browserHTTPRequest(path, options);
  }
  const handlers = tf.io.getLoadHandlers(path, options);
  if (handlers.length === 0) {
    handlers.push(tf.io.browserHTTPRequest(path, options));
  } else if (handlers.length > 1) {
    throw new Error(`Found more than one (${handlers.length}) load handlers for ` +
        `URL '${[path]}'`);
  }
  return handlers[0];
}

/** The artifacts of a handler as one model.json text plus shards for the Java loader. */
function graphModelFromArtifacts(artifacts) {
  const data = artifacts.weightData == null ? [] :
      (Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData]);
  const paths = data.map((b, i) => 'shard' + i);
  const json = {
    format: 'graph-model',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{paths, weights: artifacts.weightSpecs || []}],
  };
  if (artifacts.signature != null) {
    json.signature = artifacts.signature;
  }
  if (artifacts.userDefinedMetadata != null) {
    json.userDefinedMetadata = artifacts.userDefinedMetadata;
  }
  const shards = GB.shards();
  data.forEach((b, i) => GB.putShard(shards, paths[i],
      b instanceof ArrayBuffer ? new Int8Array(b) : new Int8Array(b.buffer, b.byteOffset, b.byteLength)));
  return new GraphModel(GB.load(JSON.stringify(json), shards, 'model.json'), artifacts);
}

function GraphModel(handle, artifacts) {
  Object.defineProperty(this, '_h', {value: handle, enumerable: false});
  Object.defineProperty(this, '_info', {value: JSON.parse(GB.info(handle)), enumerable: false});
  this.artifacts = artifacts;
  const topo = artifacts.modelTopology;
  this.version = topo && topo.versions ?
      `${topo.versions.producer}.${topo.versions.minConsumer}` : 'n/a';
  let signature = artifacts.signature;
  if (artifacts.userDefinedMetadata != null && artifacts.userDefinedMetadata.signature != null) {
    signature = artifacts.userDefinedMetadata.signature;
  }
  this.signature = signature;
  this.structuredOutputKeys = this._info.structuredOutputKeys || undefined;
  this._weights = null;
}

function defineGetter(name, fn) {
  Object.defineProperty(GraphModel.prototype, name, {get: fn});
}

defineGetter('modelVersion', function() {
  return this.version;
});
defineGetter('inputNodes', function() {
  return this._info.inputNodes.slice();
});
defineGetter('outputNodes', function() {
  return this._info.outputNodes.slice();
});
defineGetter('inputs', function() {
  return this._info.inputs.map((i) => ({name: i.name, shape: i.shape, dtype: i.dtype}));
});
defineGetter('outputs', function() {
  return this._info.outputs.map((i) => ({name: i.name, shape: i.shape, dtype: i.dtype}));
});
defineGetter('weights', function() {
  if (this._weights == null) {
    const handles = GB.weights(this._h);
    const map = {};
    this._info.weightNames.forEach((name, i) => {
      map[name] = [wrap(handles[i])];
    });
    this._weights = map;
  }
  return this._weights;
});
defineGetter('metadata', function() {
  return this.artifacts.userDefinedMetadata;
});
defineGetter('modelSignature', function() {
  return this.signature;
});
defineGetter('modelStructuredOutputKeys', function() {
  return this.structuredOutputKeys;
});

GraphModel.prototype.normalizeInputs = function(inputs) {
  if (!(inputs instanceof Tensor) && !Array.isArray(inputs)) {
    return inputs;
  }
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const nodes = this._info.inputNodes;
  if (list.length !== nodes.length) {
    throw new Error(`Input tensor count mismatch, the graph model has ${nodes.length} ` +
        `non-resource placeholders, while there are ${list.length} input tensors provided.`);
  }
  const map = {};
  nodes.forEach((name, i) => {
    map[name] = list[i];
  });
  return map;
};

GraphModel.prototype._run = function(inputs, outputs, isAsync) {
  const map = this.normalizeInputs(inputs);
  const outs = outputs == null ? this._info.outputNodes : (Array.isArray(outputs) ? outputs : [outputs]);
  const names = Object.keys(map);
  const list = E.list();
  names.forEach((name) => {
    const t = map[name];
    if (!(t instanceof Tensor)) {
      throw new Error(`The dict provided in model.execute(dict) has a value for '${name}' that is not a Tensor`);
    }
    list.add(t._h);
  });
  const result = wrapAll(GB.execute(this._h, names.join('\n'), list, outs.join('\n'), isAsync));
  return result.length > 1 ? result : result[0];
};

GraphModel.prototype.addStructuredOutputNames = function(outputTensors) {
  if (this.structuredOutputKeys) {
    const arr = outputTensors instanceof Tensor ? [outputTensors] : outputTensors;
    const map = {};
    arr.forEach((t, i) => {
      map[this.structuredOutputKeys[i]] = t;
    });
    return map;
  }
  return outputTensors;
};

GraphModel.prototype.execute = function(inputs, outputs) {
  return this._run(inputs, outputs, false);
};

GraphModel.prototype.executeAsync = function(inputs, outputs) {
  return Promise.resolve().then(() => this._run(inputs, outputs, true));
};

GraphModel.prototype.predict = function(inputs, config) {
  return this.addStructuredOutputNames(this._run(inputs, this._info.outputNodes, false));
};

GraphModel.prototype.predictAsync = function(inputs, config) {
  return this.executeAsync(inputs, this._info.outputNodes).then((o) => this.addStructuredOutputNames(o));
};

GraphModel.prototype.dispose = function() {
  GB.dispose(this._h);
  this._weights = null;
};

GraphModel.prototype.getIntermediateTensors = function() {
  return undefined;
};

GraphModel.prototype.disposeIntermediateTensors = function() {
};

/** Samovar extension: turn the memory plan off (intermediates kept to the end) to measure it. */
GraphModel.prototype.setMemoryPlan = function(on) {
  GB.setMemoryPlan(this._h, !!on);
};

/** Samovar extension: peak bytes of intermediates during the last execute. */
GraphModel.prototype.peakIntermediateBytes = function() {
  return GB.peakIntermediateBytes(this._h);
};

GraphModel.prototype.save = function(handlerOrURL) {
  let handler = handlerOrURL;
  if (typeof handlerOrURL === 'string') {
    const handlers = tf.io && tf.io.getSaveHandlers ? tf.io.getSaveHandlers(handlerOrURL) : [];
    if (handlers.length === 0) {
      throw new Error(`Cannot find any save handlers for URL '${handlerOrURL}'`);
    } else if (handlers.length > 1) {
      throw new Error(`Found more than one (${handlers.length}) save handlers for URL '${handlerOrURL}'`);
    }
    handler = handlers[0];
  }
  if (handler.save == null) {
    throw new Error('GraphModel.save() cannot proceed because the IOHandler ' +
        'provided does not have the `save` attribute defined.');
  }
  return handler.save(this.artifacts);
};

tf.GraphModel = GraphModel;

tf.loadGraphModel = function(modelUrl, options) {
  return Promise.resolve().then(() => {
    if (modelUrl == null) {
      throw new Error('modelUrl in loadGraphModel() cannot be null. Please provide a url ' +
          'or an IOHandler that loads the model');
    }
    if (options == null) {
      options = {};
    }
    if (options.fromTFHub && typeof modelUrl === 'string') {
      modelUrl = (modelUrl.endsWith('/') ? modelUrl : modelUrl + '/') + 'model.json?tfjs-format=file';
    }
    const handler = findGraphHandler(modelUrl, options);
    if (handler.load == null) {
      throw new Error('Cannot proceed with model loading because the IOHandler provided ' +
          'does not have the `load` method implemented.');
    }
    return handler.load();
  }).then((artifacts) => graphModelFromArtifacts(artifacts));
};

tf.loadGraphModelSync = function(modelSource) {
  if (modelSource == null) {
    throw new Error('modelUrl in loadGraphModelSync() cannot be null. Please provide ' +
        'model artifacts or an IOHandler that loads the model');
  }
  let artifacts;
  if (Array.isArray(modelSource)) {
    const [modelJSON, weights] = modelSource;
    if (!modelJSON) {
      throw new Error('modelJSON must be the first element of the array');
    }
    if (!weights || !(weights instanceof ArrayBuffer)) {
      throw new Error('An ArrayBuffer of weights must be the second element of the array');
    }
    if (!('modelTopology' in modelJSON)) {
      throw new Error('Model JSON is missing \'modelTopology\'');
    }
    if (!('weightsManifest' in modelJSON)) {
      throw new Error('Model JSON is missing \'weightsManifest\'');
    }
    const specs = [];
    modelJSON.weightsManifest.forEach((g) => g.weights.forEach((w) => specs.push(w)));
    artifacts = Object.assign({}, modelJSON, {weightSpecs: specs, weightData: weights});
  } else if ('load' in modelSource) {
    artifacts = modelSource.load();
  } else if ('modelTopology' in modelSource && 'weightSpecs' in modelSource && 'weightData' in modelSource) {
    artifacts = modelSource;
  } else {
    throw new Error('Unknown model format');
  }
  return graphModelFromArtifacts(artifacts);
};
