// Model files: tf.loadLayersModel(pathOrIOHandler, options) and LayersModel.prototype.save, written
// against TF.js's IOHandler / ModelArtifacts interface. A string URL goes through
// tf.io.getLoadHandlers / getSaveHandlers (the tf.io file); the artifacts cross to Java as JSON
// plus the weight buffers as they are (weightDataForJava, as tf.io.decodeWeights passes them: one
// view per shard, nothing joined), where ModelBridge checks, dequantizes and loads them.
const MB = N.ModelBridge;

function ioHandlers(kind, url, options) {
  const io = tf.io;
  const lookup = io == null ? null : (kind === 'load' ? io.getLoadHandlers : io.getSaveHandlers);
  if (typeof lookup !== 'function') {
    throw new Error(`Cannot find any ${kind} handlers for URL '${url}': tf.io.get${kind === 'load' ? 'Load' : 'Save'}` +
        'Handlers is not available in this build');
  }
  return lookup.call(io, url, options);
}

/** tf.loadLayersModel(pathOrIOHandler, options): a Promise of the model. */
tf.loadLayersModel = function(pathOrIOHandler, options) {
  const opts = options == null ? {} : options;
  return Promise.resolve().then(() => {
    let handler = pathOrIOHandler;
    if (typeof handler === 'string') {
      const handlers = ioHandlers('load', handler, opts);
      if (handlers.length === 0) {
        if (tf.io != null && typeof tf.io.browserHTTPRequest === 'function') {
          handlers.push(tf.io.browserHTTPRequest(handler, opts));
        } else {
          throw new Error(`Cannot find any load handlers for URL '${pathOrIOHandler}'`);
        }
      } else if (handlers.length > 1) {
        throw new Error(`Found more than one (${handlers.length}) load handlers for URL '${pathOrIOHandler}'`);
      }
      handler = handlers[0];
    }
    if (handler == null || handler.load == null) {
      throw new Error('Cannot proceed with model loading because the IOHandler provided does not have the ' +
          '`load` method implemented.');
    }
    return handler.load();
  }).then((artifacts) => {
    if (artifacts == null || artifacts.modelTopology == null) {
      throw new Error('tf.loadLayersModel: the artifacts have no modelTopology (a graph model or a weights ' +
          'manifest alone is not a layers model)');
    }
    const strict = opts.strict == null ? true : !!opts.strict;
    const model = wrapLayer(MB.loadArtifacts(JSON.stringify(artifacts.modelTopology),
        artifacts.weightSpecs == null ? null : JSON.stringify(artifacts.weightSpecs),
        artifacts.weightData == null ? null : weightDataForJava(artifacts.weightData), strict));
    if (artifacts.userDefinedMetadata != null) {
      model.userDefinedMetadata = artifacts.userDefinedMetadata;
    }
    return model;
  });
};

/** model.save(handlerOrURL, config): a Promise of the handler's SaveResult. */
LayersModel.prototype.save = function(handlerOrURL, config) {
  return Promise.resolve().then(() => {
    let handler = handlerOrURL;
    if (typeof handler === 'string') {
      const handlers = ioHandlers('save', handler);
      if (handlers.length === 0) {
        throw new Error(`Cannot find any save handlers for URL '${handlerOrURL}'`);
      } else if (handlers.length > 1) {
        throw new Error(`Found more than one (${handlers.length}) save handlers for URL '${handlerOrURL}'`);
      }
      handler = handlers[0];
    }
    if (handler == null || handler.save == null) {
      throw new Error('LayersModel.save() cannot proceed because the IOHandler provided does not have the ' +
          '`save` attribute defined.');
    }
    const a = JSON.parse(MB.saveArtifacts(this._l));
    const bytes = MB.lastWeightData();
    const artifacts = {
      modelTopology: a.modelTopology,
      format: a.format,
      generatedBy: a.generatedBy,
      convertedBy: a.convertedBy,
    };
    if (this.userDefinedMetadata != null) {
      artifacts.userDefinedMetadata = this.userDefinedMetadata;
    }
    artifacts.weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    artifacts.weightSpecs = a.weightSpecs;
    return handler.save(artifacts);
  });
};

LayersModel.prototype.setUserDefinedMetadata = function(userDefinedMetadata) {
  this.userDefinedMetadata = userDefinedMetadata;
};

LayersModel.prototype.getUserDefinedMetadata = function() {
  return this.userDefinedMetadata;
};
