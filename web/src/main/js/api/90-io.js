// ---------------------------------------------------------------------------------------------
// tf.io: model artifacts (TF.js's ModelArtifacts / SaveResult / ModelArtifactsInfo), the IOHandlers
// (http, localstorage://, indexeddb://, downloads://, files, fromMemory, withSaveHandler), the
// router registry and model management. This file moves bytes (fetch, storage, blobs); checking
// model.json and the shards, decoding and dequantizing weights and encoding tensors happen in Java
// (dev.samovar.io through N.IoBridge): one implementation of the format for the JVM and the page.
// ---------------------------------------------------------------------------------------------

/**
 * Weight data for Java (N.IoBridge.Buffers): an ArrayBuffer, a list of them (TF.js 4.x's WeightData,
 * e.g. the shards as fetched) or typed-array views become one Int8Array view per buffer. Nothing is
 * joined or copied here: Java reads each weight out of the buffer(s) that hold it, in place
 * (dev.samovar.io.WeightsCodec). The one way weights cross to Java: tf.io.decodeWeights and
 * tf.loadLayersModel use it.
 */
function weightDataForJava(weightData) {
  const list = N.IoBridge.buffers();
  if (weightData == null) {
    return list;
  }
  (Array.isArray(weightData) ? weightData : [weightData]).forEach((b) => {
    if (b instanceof ArrayBuffer) {
      list.add(new Int8Array(b));
    } else if (ArrayBuffer.isView(b)) {
      list.add(new Int8Array(b.buffer, b.byteOffset, b.byteLength));
    } else {
      throw new Error(`Expected weight data to be an ArrayBuffer or an array of them, but got ${b}`);
    }
  });
  return list;
}

// (In a function of its own: its helpers stay out of the other API files' scope.)
(function() {
const IO = N.IoBridge;

tf.io = {};

/** Runs `fn` and returns a Promise of its result; a throw becomes a rejection. */
function promised(fn) {
  return new Promise((resolve) => resolve(fn()));
}

function inBrowser() {
  return typeof window !== 'undefined' && typeof document !== 'undefined';
}

// ------------------------------------------------------------------- byte buffers (no math)

/** The ArrayBuffers of a WeightData (an ArrayBuffer, an ArrayBuffer[] or typed array views). */
function weightBuffers(weightData) {
  if (weightData == null) {
    return [];
  }
  const list = Array.isArray(weightData) ? weightData : [weightData];
  return list.map((b) => {
    if (b instanceof ArrayBuffer) {
      return b;
    }
    if (ArrayBuffer.isView(b)) {
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    }
    throw new Error(`Expected weight data to be an ArrayBuffer or an array of them, but got ${b}`);
  });
}

function byteLengthOf(weightData) {
  let n = 0;
  weightBuffers(weightData).forEach((b) => {
    n += b.byteLength;
  });
  return n;
}

/** TF.js's CompositeArrayBuffer.join / concatenateArrayBuffers: one ArrayBuffer. */
function joinBuffers(weightData) {
  if (weightData instanceof ArrayBuffer) {
    return weightData;
  }
  const buffers = weightBuffers(weightData);
  if (buffers.length === 1) {
    return buffers[0];
  }
  const out = new Uint8Array(byteLengthOf(buffers));
  let offset = 0;
  buffers.forEach((b) => {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  });
  return out.buffer;
}

tf.io.concatenateArrayBuffers = (buffers) => joinBuffers(buffers);

/** TF.js's CompositeArrayBuffer: several ArrayBuffers read as one, without joining them. */
function CompositeArrayBuffer(buffers) {
  this.shards = weightBuffers(buffers);
  this.byteLength = byteLengthOf(this.shards);
}
CompositeArrayBuffer.join = (buffers) => joinBuffers(buffers);
CompositeArrayBuffer.prototype.slice = function(start = 0, end = this.byteLength) {
  const out = new Uint8Array(Math.max(0, Math.min(end, this.byteLength) - start));
  let pos = 0;
  let filled = 0;
  this.shards.forEach((s) => {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + s.byteLength);
    if (from < to) {
      out.set(new Uint8Array(s, from - pos, to - from), filled);
      filled += to - from;
    }
    pos += s.byteLength;
  });
  return out.buffer;
};
tf.io.CompositeArrayBuffer = CompositeArrayBuffer;

function base64FromBuffer(buffer) {
  const bytes = new Uint8Array(buffer);
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(s);
}

function bufferFromBase64(str) {
  const s = atob(str);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; ++i) {
    out[i] = s.charCodeAt(i);
  }
  return out.buffer;
}

// ------------------------------------------------------------------- artifacts and JSON

tf.io.getModelArtifactsInfoForJSON = function(modelArtifacts) {
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('Expected JSON model topology, received ArrayBuffer.');
  }
  return {
    dateSaved: new Date(),
    modelTopologyType: 'JSON',
    modelTopologyBytes: modelArtifacts.modelTopology == null ? 0 :
        IO.utf8Length(JSON.stringify(modelArtifacts.modelTopology)),
    weightSpecsBytes: modelArtifacts.weightSpecs == null ? 0 :
        IO.utf8Length(JSON.stringify(modelArtifacts.weightSpecs)),
    weightDataBytes: modelArtifacts.weightData == null ? 0 : byteLengthOf(modelArtifacts.weightData),
  };
};

/** TF.js's getModelJSONForModelArtifacts (not exported by TF.js either). */
function modelJSONFor(artifacts, manifest) {
  const result = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: manifest,
  };
  ['signature', 'userDefinedMetadata', 'modelInitializer', 'initializerSignature',
    'trainingConfig'].forEach((k) => {
    if (artifacts[k] != null) {
      result[k] = artifacts[k];
    }
  });
  return result;
}

tf.io.getWeightSpecs = function(weightsManifest) {
  const specs = [];
  for (const entry of weightsManifest) {
    for (const w of entry.weights) {
      specs.push(w);
    }
  }
  return specs;
};

tf.io.getModelArtifactsForJSONSync = function(modelJSON, weightSpecs, weightData) {
  const out = {
    modelTopology: modelJSON.modelTopology,
    format: modelJSON.format,
    generatedBy: modelJSON.generatedBy,
    convertedBy: modelJSON.convertedBy,
  };
  if (modelJSON.trainingConfig != null) {
    out.trainingConfig = modelJSON.trainingConfig;
  }
  if (modelJSON.weightsManifest != null) {
    if (!weightSpecs) {
      throw new Error('modelJSON has weightsManifest but weightSpecs is null');
    }
    if (!weightData) {
      throw new Error('modelJSON has weightsManifest but weightData is null');
    }
    out.weightSpecs = weightSpecs;
    out.weightData = weightData;
  }
  ['signature', 'userDefinedMetadata', 'modelInitializer', 'initializerSignature'].forEach((k) => {
    if (modelJSON[k] != null) {
      out[k] = modelJSON[k];
    }
  });
  return out;
};

tf.io.getModelArtifactsForJSON = function(modelJSON, loadWeights) {
  return promised(() => modelJSON.weightsManifest != null ? loadWeights(modelJSON.weightsManifest) : [])
      .then((r) => tf.io.getModelArtifactsForJSONSync(modelJSON, r[0], r[1]));
};

/**
 * The model.json for Java's checks: the manifest and the metadata fields, the topology (which the
 * checks only require to be an object) left out of the text, so a large topology is not parsed again.
 */
function manifestJSON(modelJSON) {
  const copy = Object.assign({}, modelJSON);
  if (copy.modelTopology != null && typeof copy.modelTopology === 'object' && !Array.isArray(copy.modelTopology)) {
    copy.modelTopology = {};
  }
  return JSON.stringify(copy);
}

/** Java's check of a model.json (fields, shard paths, shapes, dtypes), with errors naming the file. */
function checkModelJSON(modelJSON, fileName) {
  IO.checkModelJson(manifestJSON(modelJSON), fileName);
}

// ------------------------------------------------------------------- weights

/**
 * TF.js's decodeWeights: {name: tensor} from weight data (an ArrayBuffer or a list of them, e.g.
 * the shards) and specs. Quantized weights are dequantized; each weight is sliced out of the
 * buffer(s) that hold it.
 */
tf.io.decodeWeights = function(weightData, specs) {
  return decodeWeightsChecked(weightData, specs, false, 'decodeWeights');
};

function decodeWeightsChecked(weightData, specs, exact, where) {
  const handles = IO.decodeWeights(JSON.stringify(specs), weightDataForJava(weightData), exact, where);
  // The tensors come back in spec order, one per distinct name (a repeated name: the last one).
  const names = [];
  specs.forEach((s) => {
    const at = names.indexOf(s.name);
    if (at >= 0) {
      names.splice(at, 1);
    }
    names.push(s.name);
  });
  const out = {};
  for (let i = 0; i < handles.length; i++) {
    out[names[i]] = wrap(handles[i]);
  }
  return out;
}

/** TF.js's decodeWeightsStream: the stream's chunks (kept as they are, not joined) decoded. */
tf.io.decodeWeightsStream = function(weightStream, specs) {
  const reader = weightStream.getReader();
  const chunks = [];
  const pump = () => reader.read().then((r) => {
    if (r.done) {
      return decodeWeightsChecked(chunks, specs, false, 'decodeWeightsStream');
    }
    chunks.push(r.value);
    return pump();
  });
  return pump();
};

tf.io.encodeWeights = function(tensors, group) {
  return promised(() => encodeWeightsNow(tensors, group));
};

function encodeWeightsNow(tensors, group) {
  const names = Array.isArray(tensors) ? tensors.map((t) => t.name) : Object.keys(tensors);
  const specs = [];
  const list = E.list();
  for (let i = 0; i < names.length; ++i) {
    const name = names[i];
    const t = Array.isArray(tensors) ? tensors[i].tensor : tensors[name];
    if (t.dtype !== 'float32' && t.dtype !== 'int32' && t.dtype !== 'bool' &&
        t.dtype !== 'string' && t.dtype !== 'complex64') {
      throw new Error(`Unsupported dtype in weight '${name}': ${t.dtype}`);
    }
    const spec = {name, shape: t.shape, dtype: t.dtype};
    if (group != null) {
      spec.group = group;
    }
    specs.push(spec);
    list.add(t._h);
  }
  const view = IO.encodeWeights(list);
  const data = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength);
  return {data, specs};
}

function monitorProgress(promises, onProgress, startFraction, endFraction) {
  if (onProgress == null || promises.length === 0) {
    return Promise.all(promises);
  }
  let resolved = 0;
  return Promise.all(promises.map((p) => p.then((value) => {
    resolved++;
    onProgress(startFraction + resolved / promises.length * (endFraction - startFraction));
    return value;
  })));
}

function platformFetch() {
  if (typeof fetch === 'undefined') {
    throw new Error('fetch is not available in this environment: pass loadOptions.fetchFunc');
  }
  return (url, init) => fetch(url, init);
}

/**
 * Fetches the shards; a response that is not ok is an error naming the shard and the model file,
 * so a missing shard never yields an HTML error page as weights.
 */
function fetchShards(urls, loadOptions, describe) {
  loadOptions = loadOptions || {};
  return promised(() => {
    const fetchFunc = loadOptions.fetchFunc == null ? platformFetch() : loadOptions.fetchFunc;
    const requests = urls.map((u) => Promise.resolve(fetchFunc(u, loadOptions.requestInit, {isBinary: true})));
    return monitorProgress(requests, loadOptions.onProgress, 0, 0.5);
  }).then((responses) => {
    responses.forEach((r, i) => {
      if (r == null || r.ok === false) {
        throw new Error(`Request to ${urls[i]} failed with status code ${r == null ? 'none' : r.status}: ` +
            `${describe(i)} cannot be read.`);
      }
    });
    return monitorProgress(responses.map((r) => r.arrayBuffer()), loadOptions.onProgress, 0.5, 1);
  });
}

tf.io.weightsLoaderFactory = function(fetchWeightsFunction) {
  return (manifest, filePathPrefix = '', weightNames) => promised(() => {
    const allNames = [];
    const found = weightNames != null ? weightNames.map(() => false) : [];
    const groupsToFetch = [];
    manifest.forEach((group, g) => {
      let wanted = weightNames == null;
      group.weights.forEach((w) => {
        if (weightNames != null) {
          weightNames.forEach((name, k) => {
            if (name === w.name) {
              wanted = true;
              found[k] = true;
            }
          });
        }
        allNames.push(w.name);
      });
      if (wanted) {
        groupsToFetch.push(g);
      }
    });
    if (!found.every((f) => f)) {
      const missing = weightNames.filter((_, i) => !found[i]);
      throw new Error(`Could not find weights in manifest with names: ` +
          `${missing.join(', ')}. \n` +
          `Manifest JSON has weights with names: ` +
          `${allNames.join(', ')}.`);
    }
    const urls = [];
    groupsToFetch.forEach((g) => manifest[g].paths.forEach((p) => {
      urls.push(filePathPrefix + (!filePathPrefix.endsWith('/') ? '/' : '') + p);
    }));
    return Promise.resolve(fetchWeightsFunction(urls)).then((buffers) => decodeGroups(buffers));
    function decodeGroups(buffers) {
    const out = {};
    let next = 0;
    try {
      groupsToFetch.forEach((g) => {
        const n = manifest[g].paths.length;
        const decoded = decodeWeightsChecked(buffers.slice(next, next + n), manifest[g].weights, false,
            `weightsManifest[${g}] (${manifest[g].paths.join(', ')})`);
        next += n;
        Object.keys(decoded).forEach((name) => {
          if (weightNames == null || weightNames.indexOf(name) >= 0) {
            out[name] = decoded[name];
          } else {
            decoded[name].dispose();
          }
        });
      });
    } catch (e) {
      tf.dispose(out);
      throw e;
    }
    return out;
    }
  });
};

tf.io.loadWeights = function(manifest, filePathPrefix = '', weightNames, requestInit) {
  const fetchWeights = (urls) => fetchShards(urls, {requestInit}, (i) => `weight file ${urls[i]}`);
  return tf.io.weightsLoaderFactory(fetchWeights)(manifest, filePathPrefix, weightNames);
};

// ------------------------------------------------------------------- router registry

const saveRouters = [];
const loadRouters = [];

tf.io.registerSaveRouter = (router) => {
  saveRouters.push(router);
};
tf.io.registerLoadRouter = (router) => {
  loadRouters.push(router);
};

function getHandlers(url, routers, loadOptions) {
  const out = [];
  routers.forEach((router) => {
    const handler = router(url, loadOptions);
    if (handler !== null) {
      out.push(handler);
    }
  });
  return out;
}

tf.io.getSaveHandlers = (url) => getHandlers(url, saveRouters);
tf.io.getLoadHandlers = (url, loadOptions) => getHandlers(url, loadRouters, loadOptions);

// ------------------------------------------------------------------- http

const HTTP_SCHEME = /^https?:\/\//;

function parseUrl(url) {
  const lastSlash = url.lastIndexOf('/');
  const lastSearchParam = url.lastIndexOf('?');
  const prefix = url.substring(0, lastSlash);
  const suffix = lastSearchParam > lastSlash ? url.substring(lastSearchParam) : '';
  return [prefix + '/', suffix];
}

tf.io.isHTTPScheme = (url) => url.match(HTTP_SCHEME) != null;

function HTTPRequest(path, loadOptions) {
  this.DEFAULT_METHOD = 'POST';
  if (loadOptions == null) {
    loadOptions = {};
  }
  this.weightPathPrefix = loadOptions.weightPathPrefix;
  this.weightUrlConverter = loadOptions.weightUrlConverter;
  if (loadOptions.fetchFunc != null) {
    assert(typeof loadOptions.fetchFunc === 'function', () => 'Must pass a function that matches the ' +
        'signature of `fetch` (see https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API)');
    this.fetch = loadOptions.fetchFunc;
  } else {
    this.fetch = (url, init) => platformFetch()(url, init);
  }
  assert(path != null && path.length > 0, () => 'URL path for http must not be null, undefined or ' +
      'empty.');
  if (Array.isArray(path)) {
    assert(path.length === 2, () => 'URL paths for http must have a length of 2, ' +
        `(actual length is ${path.length}).`);
  }
  this.path = path;
  if (loadOptions.requestInit != null && loadOptions.requestInit.body != null) {
    throw new Error('requestInit is expected to have no pre-existing body, but has one.');
  }
  this.requestInit = loadOptions.requestInit || {};
  this.loadOptions = loadOptions;
}

HTTPRequest.URL_SCHEME_REGEX = HTTP_SCHEME;

HTTPRequest.prototype.save = function(modelArtifacts) {
  return promised(() => this.saveNow(modelArtifacts));
};

HTTPRequest.prototype.saveNow = function(modelArtifacts) {
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('BrowserHTTPRequest.save() does not support saving model topology ' +
        'in binary formats yet.');
  }
  const init = Object.assign({method: this.DEFAULT_METHOD}, this.requestInit);
  init.body = new FormData();
  const manifest = [{paths: ['./model.weights.bin'], weights: modelArtifacts.weightSpecs}];
  const modelJSON = modelJSONFor(modelArtifacts, manifest);
  init.body.append('model.json', new Blob([JSON.stringify(modelJSON)], {type: 'application/json'}),
      'model.json');
  if (modelArtifacts.weightData != null) {
    init.body.append('model.weights.bin',
        new Blob([joinBuffers(modelArtifacts.weightData)], {type: 'application/octet-stream'}),
        'model.weights.bin');
  }
  return Promise.resolve(this.fetch(this.path, init)).then((response) => {
    if (response.ok) {
      return {
        modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(modelArtifacts),
        responses: [response],
      };
    }
    throw new Error(`BrowserHTTPRequest.save() failed due to HTTP response status ` +
        `${response.status}.`);
  });
};

HTTPRequest.prototype.loadModelJSON = function() {
  return promised(() => this.fetch(this.path, this.requestInit)).then((response) => {
    if (!response.ok) {
      throw new Error(`Request to ${this.path} failed with status code ` +
          `${response.status}. Please verify this URL points to ` +
          `the model JSON of the model to load.`);
    }
    return Promise.resolve(response.json()).then((j) => this.checkModelJSON(j), (e) => this.badJSON(e));
  });
};

HTTPRequest.prototype.badJSON = function(e) {
  {
    let message = `Failed to parse model JSON of response from ${this.path}.`;
    if (String(this.path).endsWith('.pb')) {
      message += ' Your path contains a .pb file extension. ' +
          'Support for .pb models have been removed in TensorFlow.js 1.0 ' +
          'in favor of .json models. You can re-convert your Python ' +
          'TensorFlow model using the TensorFlow.js 1.0 conversion scripts ' +
          'or you can convert your.pb models with the \'pb2json\'' +
          'NPM script in the tensorflow/tfjs-converter repository.';
    } else {
      message += ' Please make sure the server is serving valid ' +
          'JSON for this request.';
    }
    throw new Error(message);
  }
};

HTTPRequest.prototype.checkModelJSON = function(modelJSON) {
  if (modelJSON == null || typeof modelJSON !== 'object' || Array.isArray(modelJSON)) {
    throw new Error(`${this.path}: expected a JSON object at the top level but found ` +
        `${Array.isArray(modelJSON) ? 'an array' : JSON.stringify(modelJSON)}`);
  }
  if (modelJSON.modelTopology == null && modelJSON.weightsManifest == null) {
    throw new Error(`The JSON from HTTP path ${this.path} contains neither model ` +
        `topology or manifest for weights.`);
  }
  checkModelJSON(modelJSON, String(this.path));
  return modelJSON;
};

HTTPRequest.prototype.getWeightUrls = function(weightsManifest) {
  const weightPath = Array.isArray(this.path) ? this.path[1] : this.path;
  const parsed = parseUrl(weightPath);
  const pathPrefix = this.weightPathPrefix || parsed[0];
  const urls = [];
  const pending = [];
  for (const group of weightsManifest) {
    for (const p of group.paths) {
      if (this.weightUrlConverter != null) {
        pending.push(this.weightUrlConverter(p));
      } else {
        urls.push(pathPrefix + p + parsed[1]);
      }
    }
  }
  if (this.weightUrlConverter) {
    return Promise.all(pending).then((converted) => {
      converted.forEach((u) => urls.push(u));
      return urls;
    });
  }
  return Promise.resolve(urls);
};

HTTPRequest.prototype.loadWeights = function(weightsManifest, modelJSON) {
  return this.getWeightUrls(weightsManifest).then((urls) => this.fetchWeights(urls, weightsManifest, modelJSON));
};

HTTPRequest.prototype.fetchWeights = function(urls, weightsManifest, modelJSON) {
  const where = [];
  weightsManifest.forEach((g, gi) => g.paths.forEach((p, pi) => where.push(
      `the shard '${p}' (weightsManifest[${gi}].paths[${pi}] of ${this.path})`)));
  return fetchShards(urls, this.loadOptions, (i) => where[i]).then((buffers) => {
  // Every shard present with the bytes the manifest declares, before anything is decoded.
  const lengths = {};
  let k = 0;
  weightsManifest.forEach((g) => g.paths.forEach((p) => {
    lengths[p] = buffers[k++].byteLength;
  }));
  IO.checkShards(manifestJSON(modelJSON), String(this.path), JSON.stringify(lengths));
  return [tf.io.getWeightSpecs(weightsManifest), buffers];
  });
};

HTTPRequest.prototype.load = function() {
  return this.loadModelJSON().then((modelJSON) =>
    tf.io.getModelArtifactsForJSON(modelJSON, (m) => this.loadWeights(m, modelJSON)));
};

tf.io.http = (path, loadOptions) => new HTTPRequest(path, loadOptions);
tf.io.browserHTTPRequest = (path, loadOptions) => tf.io.http(path, loadOptions);

const httpRouter = (url, loadOptions) => {
  if (typeof fetch === 'undefined' && (loadOptions == null || loadOptions.fetchFunc == null)) {
    return null;
  }
  const isHTTP = Array.isArray(url) ? url.every((u) => tf.io.isHTTPScheme(u)) : tf.io.isHTTPScheme(url);
  return isHTTP ? tf.io.http(url, loadOptions) : null;
};

// ------------------------------------------------------------------- localstorage://

const LS_PREFIX = 'tensorflowjs_models';

function lsKeys(path) {
  const k = (suffix) => [LS_PREFIX, path, suffix].join('/');
  return {info: k('info'), topology: k('model_topology'), weightSpecs: k('weight_specs'),
    weightData: k('weight_data'), modelMetadata: k('model_metadata')};
}

function lsModelPathFromKey(key) {
  const items = key.split('/');
  if (items.length < 3) {
    throw new Error(`Invalid key format: ${key}`);
  }
  return items.slice(1, items.length - 1).join('/');
}

function hasLocalStorage() {
  return inBrowser() && typeof window.localStorage !== 'undefined';
}

function BrowserLocalStorage(modelPath) {
  if (!hasLocalStorage()) {
    throw new Error('The current environment does not support local storage.');
  }
  this.LS = window.localStorage;
  if (modelPath == null || !modelPath) {
    throw new Error('For local storage, modelPath must not be null, undefined or empty.');
  }
  this.modelPath = modelPath;
  this.keys = lsKeys(modelPath);
}
BrowserLocalStorage.URL_SCHEME = 'localstorage://';

BrowserLocalStorage.prototype.save = function(modelArtifacts) {
  return promised(() => this.saveNow(modelArtifacts));
};

BrowserLocalStorage.prototype.saveNow = function(modelArtifacts) {
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('BrowserLocalStorage.save() does not support saving model topology ' +
        'in binary formats yet.');
  }
  const topology = JSON.stringify(modelArtifacts.modelTopology);
  const weightSpecs = JSON.stringify(modelArtifacts.weightSpecs);
  const info = tf.io.getModelArtifactsInfoForJSON(modelArtifacts);
  const weightBuffer = joinBuffers(modelArtifacts.weightData);
  try {
    this.LS.setItem(this.keys.info, JSON.stringify(info));
    this.LS.setItem(this.keys.topology, topology);
    this.LS.setItem(this.keys.weightSpecs, weightSpecs);
    this.LS.setItem(this.keys.weightData, base64FromBuffer(weightBuffer));
    const metadata = {
      format: modelArtifacts.format,
      generatedBy: modelArtifacts.generatedBy,
      convertedBy: modelArtifacts.convertedBy,
      signature: modelArtifacts.signature != null ? modelArtifacts.signature : undefined,
      userDefinedMetadata: modelArtifacts.userDefinedMetadata != null ?
          modelArtifacts.userDefinedMetadata : undefined,
      modelInitializer: modelArtifacts.modelInitializer != null ? modelArtifacts.modelInitializer : undefined,
      initializerSignature: modelArtifacts.initializerSignature != null ?
          modelArtifacts.initializerSignature : undefined,
      trainingConfig: modelArtifacts.trainingConfig != null ? modelArtifacts.trainingConfig : undefined,
    };
    this.LS.setItem(this.keys.modelMetadata, JSON.stringify(metadata));
    return {modelArtifactsInfo: info};
  } catch (err) {
    Object.keys(this.keys).forEach((k) => this.LS.removeItem(this.keys[k]));
    throw new Error(`Failed to save model '${this.modelPath}' to local storage: ` +
        `size quota being exceeded is a possible cause of this failure: ` +
        `modelTopologyBytes=${info.modelTopologyBytes}, ` +
        `weightSpecsBytes=${info.weightSpecsBytes}, ` +
        `weightDataBytes=${info.weightDataBytes}.`);
  }
};

BrowserLocalStorage.prototype.load = function() {
  return promised(() => this.loadNow());
};

BrowserLocalStorage.prototype.loadNow = function() {
  const info = JSON.parse(this.LS.getItem(this.keys.info));
  if (info == null) {
    throw new Error(`In local storage, there is no model with name '${this.modelPath}'`);
  }
  if (info.modelTopologyType !== 'JSON') {
    throw new Error('BrowserLocalStorage does not support loading non-JSON model ' +
        'topology yet.');
  }
  const out = {};
  const topology = JSON.parse(this.LS.getItem(this.keys.topology));
  if (topology == null) {
    throw new Error(`In local storage, the topology of model '${this.modelPath}' ` +
        `is missing.`);
  }
  out.modelTopology = topology;
  const weightSpecs = JSON.parse(this.LS.getItem(this.keys.weightSpecs));
  if (weightSpecs == null) {
    throw new Error(`In local storage, the weight specs of model '${this.modelPath}' ` +
        `are missing.`);
  }
  out.weightSpecs = weightSpecs;
  const metadataString = this.LS.getItem(this.keys.modelMetadata);
  if (metadataString != null) {
    const metadata = JSON.parse(metadataString);
    out.format = metadata.format;
    out.generatedBy = metadata.generatedBy;
    out.convertedBy = metadata.convertedBy;
    ['signature', 'userDefinedMetadata', 'modelInitializer', 'initializerSignature',
      'trainingConfig'].forEach((k) => {
      if (metadata[k] != null) {
        out[k] = metadata[k];
      }
    });
  }
  const weightDataBase64 = this.LS.getItem(this.keys.weightData);
  if (weightDataBase64 == null) {
    throw new Error(`In local storage, the binary weight values of model ` +
        `'${this.modelPath}' are missing.`);
  }
  out.weightData = bufferFromBase64(weightDataBase64);
  return out;
};

tf.io.browserLocalStorage = (modelPath) => new BrowserLocalStorage(modelPath);

const localStorageRouter = (url) => {
  if (!inBrowser() || Array.isArray(url) || !String(url).startsWith(BrowserLocalStorage.URL_SCHEME)) {
    return null;
  }
  return tf.io.browserLocalStorage(url.slice(BrowserLocalStorage.URL_SCHEME.length));
};

const localStorageManager = {
  listModels: function() {
    return promised(() => this.listNow());
  },
  listNow: function() {
    const LS = window.localStorage;
    const out = {};
    const prefix = LS_PREFIX + '/';
    const suffix = '/info';
    for (let i = 0; i < LS.length; ++i) {
      const key = LS.key(i);
      if (key.startsWith(prefix) && key.endsWith(suffix)) {
        out[lsModelPathFromKey(key)] = JSON.parse(LS.getItem(key));
      }
    }
    return out;
  },
  removeModel: function(path) {
    return promised(() => this.removeNow(path));
  },
  removeNow: function(path) {
    const LS = window.localStorage;
    if (path.startsWith(BrowserLocalStorage.URL_SCHEME)) {
      path = path.slice(BrowserLocalStorage.URL_SCHEME.length);
    }
    const keys = lsKeys(path);
    if (LS.getItem(keys.info) == null) {
      throw new Error(`Cannot find model at path '${path}'`);
    }
    const info = JSON.parse(LS.getItem(keys.info));
    Object.keys(keys).forEach((k) => LS.removeItem(keys[k]));
    return info;
  },
};

// ------------------------------------------------------------------- indexeddb://

const IDB_NAME = 'tensorflowjs';
const IDB_VERSION = 1;
const IDB_MODELS = 'models_store';
const IDB_INFO = 'model_info_store';

function indexedDBFactory() {
  if (!inBrowser()) {
    throw new Error('Failed to obtain IndexedDB factory because the current environment' +
        'is not a web browser.');
  }
  const factory = window.indexedDB;
  if (factory == null) {
    throw new Error('The current browser does not appear to support IndexedDB.');
  }
  return factory;
}

function openDatabase(factory, onOpen, reject) {
  const open = factory.open(IDB_NAME, IDB_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore(IDB_MODELS, {keyPath: 'modelPath'});
    db.createObjectStore(IDB_INFO, {keyPath: 'modelPath'});
  };
  open.onsuccess = () => onOpen(open.result);
  open.onerror = () => reject(open.error);
}

function BrowserIndexedDB(modelPath) {
  this.indexedDB = indexedDBFactory();
  if (modelPath == null || !modelPath) {
    throw new Error('For IndexedDB, modelPath must not be null, undefined or empty.');
  }
  this.modelPath = modelPath;
}
BrowserIndexedDB.URL_SCHEME = 'indexeddb://';

BrowserIndexedDB.prototype.save = function(modelArtifacts) {
  return promised(() => this.saveNow(modelArtifacts));
};

BrowserIndexedDB.prototype.saveNow = function(modelArtifacts) {
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('BrowserLocalStorage.save() does not support saving model topology ' +
        'in binary formats yet.');
  }
  const artifacts = Object.assign({}, modelArtifacts);
  artifacts.weightData = joinBuffers(modelArtifacts.weightData);
  const info = tf.io.getModelArtifactsInfoForJSON(artifacts);
  const modelPath = this.modelPath;
  return new Promise((resolve, reject) => openDatabase(this.indexedDB, (db) => {
    const tx = db.transaction([IDB_INFO, IDB_MODELS], 'readwrite');
    try {
      tx.objectStore(IDB_INFO).put({modelPath, modelArtifactsInfo: info});
      tx.objectStore(IDB_MODELS).put({modelPath, modelArtifacts: artifacts, modelArtifactsInfo: info});
    } catch (e) {
      db.close();
      reject(e);
      return;
    }
    tx.oncomplete = () => {
      db.close();
      resolve({modelArtifactsInfo: info});
    };
    tx.onerror = () => {
      db.close();
      reject(tx.error);
    };
    tx.onabort = () => {
      db.close();
      reject(tx.error);
    };
  }, reject));
};

BrowserIndexedDB.prototype.load = function() {
  const modelPath = this.modelPath;
  return new Promise((resolve, reject) => openDatabase(this.indexedDB, (db) => {
    const tx = db.transaction(IDB_MODELS, 'readonly');
    const get = tx.objectStore(IDB_MODELS).get(modelPath);
    get.onsuccess = () => {
      if (get.result == null) {
        db.close();
        reject(new Error(`Cannot find model with path '${modelPath}' ` +
            `in IndexedDB.`));
      } else {
        resolve(get.result.modelArtifacts);
      }
    };
    get.onerror = () => {
      db.close();
      reject(get.error);
    };
    tx.oncomplete = () => db.close();
  }, reject));
};

tf.io.browserIndexedDB = (modelPath) => new BrowserIndexedDB(modelPath);

const indexedDBRouter = (url) => {
  if (!inBrowser() || Array.isArray(url) || !String(url).startsWith(BrowserIndexedDB.URL_SCHEME)) {
    return null;
  }
  return tf.io.browserIndexedDB(url.slice(BrowserIndexedDB.URL_SCHEME.length));
};

const indexedDBManager = {
  listModels: function() {
    return new Promise((resolve, reject) => openDatabase(indexedDBFactory(), (db) => {
      const tx = db.transaction(IDB_INFO, 'readonly');
      const all = tx.objectStore(IDB_INFO).getAll();
      all.onsuccess = () => {
        const out = {};
        for (const item of all.result) {
          out[item.modelPath] = item.modelArtifactsInfo;
        }
        resolve(out);
      };
      all.onerror = () => {
        db.close();
        reject(all.error);
      };
      tx.oncomplete = () => db.close();
    }, reject));
  },
  removeModel: function(path) {
    if (path.startsWith(BrowserIndexedDB.URL_SCHEME)) {
      path = path.slice(BrowserIndexedDB.URL_SCHEME.length);
    }
    return new Promise((resolve, reject) => openDatabase(indexedDBFactory(), (db) => {
      const tx = db.transaction([IDB_INFO, IDB_MODELS], 'readwrite');
      const infoStore = tx.objectStore(IDB_INFO);
      const get = infoStore.get(path);
      let info = null;
      get.onsuccess = () => {
        if (get.result == null) {
          tx.abort();
          db.close();
          reject(new Error(`Cannot find model with path '${path}' ` +
              `in IndexedDB.`));
          return;
        }
        info = get.result.modelArtifactsInfo;
        infoStore.delete(path);
        tx.objectStore(IDB_MODELS).delete(path);
      };
      tx.oncomplete = () => {
        db.close();
        if (info != null) {
          resolve(info);
        }
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    }, reject));
  },
};

// ------------------------------------------------------------------- downloads:// and files

function defer(f) {
  return new Promise((resolve) => setTimeout(resolve)).then(f);
}

function BrowserDownloads(fileNamePrefix) {
  if (!inBrowser()) {
    throw new Error('browserDownloads() cannot proceed because the current environment ' +
        'is not a browser.');
  }
  if (fileNamePrefix == null) {
    fileNamePrefix = 'model';
  }
  if (fileNamePrefix.startsWith(BrowserDownloads.URL_SCHEME)) {
    fileNamePrefix = fileNamePrefix.slice(BrowserDownloads.URL_SCHEME.length);
  }
  if (fileNamePrefix == null || fileNamePrefix.length === 0) {
    fileNamePrefix = 'model';
  }
  this.modelJsonFileName = fileNamePrefix + '.json';
  this.weightDataFileName = fileNamePrefix + '.weights.bin';
}
BrowserDownloads.URL_SCHEME = 'downloads://';

BrowserDownloads.prototype.save = function(modelArtifacts) {
  return promised(() => this.saveNow(modelArtifacts));
};

BrowserDownloads.prototype.saveNow = function(modelArtifacts) {
  if (typeof document === 'undefined') {
    throw new Error('Browser downloads are not supported in ' +
        'this environment since `document` is not present');
  }
  const weightsURL = window.URL.createObjectURL(new Blob([joinBuffers(modelArtifacts.weightData)],
      {type: 'application/octet-stream'}));
  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error('BrowserDownloads.save() does not support saving model topology ' +
        'in binary formats yet.');
  }
  const manifest = [{paths: ['./' + this.weightDataFileName], weights: modelArtifacts.weightSpecs}];
  const modelJSON = modelJSONFor(modelArtifacts, manifest);
  const modelJsonURL = window.URL.createObjectURL(new Blob([JSON.stringify(modelJSON)],
      {type: 'application/json'}));
  const jsonAnchor = this.modelJsonAnchor == null ? document.createElement('a') : this.modelJsonAnchor;
  jsonAnchor.download = this.modelJsonFileName;
  jsonAnchor.href = modelJsonURL;
  return defer(() => jsonAnchor.dispatchEvent(new MouseEvent('click'))).then(() => {
    if (modelArtifacts.weightData != null) {
      const weightAnchor = this.weightDataAnchor == null ? document.createElement('a') : this.weightDataAnchor;
      weightAnchor.download = this.weightDataFileName;
      weightAnchor.href = weightsURL;
      return defer(() => weightAnchor.dispatchEvent(new MouseEvent('click')));
    }
  }).then(() => ({modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(modelArtifacts)}));
};

tf.io.browserDownloads = (fileNamePrefix = 'model') => new BrowserDownloads(fileNamePrefix);

const downloadsRouter = (url) => {
  if (!inBrowser() || Array.isArray(url) || !String(url).startsWith(BrowserDownloads.URL_SCHEME)) {
    return null;
  }
  return tf.io.browserDownloads(url.slice(BrowserDownloads.URL_SCHEME.length));
};

function readFile(file, asText) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = (event) => resolve(event.target.result);
    reader.onerror = () => reject(new Error(`Failed to read file '${file.name}'.`));
    if (asText) {
      reader.readAsText(file);
    } else {
      reader.readAsArrayBuffer(file);
    }
  });
}

function BrowserFiles(files) {
  if (files == null || files.length < 1) {
    throw new Error(`When calling browserFiles, at least 1 file is required, ` +
        `but received ${files}`);
  }
  this.jsonFile = files[0];
  this.weightsFiles = Array.prototype.slice.call(files, 1);
}

BrowserFiles.prototype.load = function() {
  return readFile(this.jsonFile, true).then((text) => this.loadJSON(text), () => {
    throw new Error(`Failed to read model topology and weights manifest JSON ` +
        `from file '${this.jsonFile.name}'. BrowserFiles supports loading ` +
        `Keras-style tf.Model artifacts only.`);
  });
};

BrowserFiles.prototype.loadJSON = function(text) {
  let modelJSON;
  try {
    modelJSON = JSON.parse(text);
  } catch (e) {
    throw new Error(`${this.jsonFile.name}: not valid JSON: ${e.message}`);
  }
  if (modelJSON.modelTopology == null) {
    throw new Error(`modelTopology field is missing from file ${this.jsonFile.name}`);
  }
  if (modelJSON.weightsManifest == null) {
    throw new Error(`weightManifest field is missing from file ${this.jsonFile.name}`);
  }
  checkModelJSON(modelJSON, this.jsonFile.name);
  if (this.weightsFiles.length === 0) {
    return {modelTopology: modelJSON.modelTopology};
  }
  return tf.io.getModelArtifactsForJSON(modelJSON, (manifest) => {
    const byName = {};
    this.weightsFiles.forEach((f) => {
      byName[f.name] = f;
    });
    const paths = [];
    manifest.forEach((g) => g.paths.forEach((p) => {
      const base = p.split('/').pop();
      if (byName[base] == null) {
        throw new Error(`Weight file with basename '${base}' is not provided.`);
      }
      paths.push(base);
    }));
    if (paths.length !== this.weightsFiles.length) {
      throw new Error(`Mismatch in the number of files in weights manifest ` +
          `(${paths.length}) and the number of weight files provided ` +
          `(${this.weightsFiles.length}).`);
    }
    return Promise.all(paths.map((p) => readFile(byName[p], false))).then((buffers) => {
    const lengths = {};
    let k = 0;
    manifest.forEach((g) => g.paths.forEach((p) => {
      lengths[p] = buffers[k++].byteLength;
    }));
    IO.checkShards(manifestJSON(modelJSON), this.jsonFile.name, JSON.stringify(lengths));
    return [tf.io.getWeightSpecs(manifest), buffers];
    });
  });
};

tf.io.browserFiles = (files) => new BrowserFiles(files);

// ------------------------------------------------------------------- passthrough

tf.io.fromMemorySync = function(modelArtifacts, weightSpecs, weightData, trainingConfig) {
  let artifacts;
  if (arguments.length === 1) {
    if (modelArtifacts.modelTopology != null || modelArtifacts.weightSpecs != null) {
      artifacts = modelArtifacts;
    } else {
      console.warn('Please call tf.io.fromMemory() with only one argument. ' +
          'The argument should be of type ModelArtifacts. ' +
          'The multi-argument signature of tf.io.fromMemory() has been ' +
          'deprecated and will be removed in a future release.');
      artifacts = {modelTopology: modelArtifacts};
    }
  } else {
    console.warn('Please call tf.io.fromMemory() with only one argument. ' +
        'The argument should be of type ModelArtifacts. ' +
        'The multi-argument signature of tf.io.fromMemory() has been ' +
        'deprecated and will be removed in a future release.');
    artifacts = {modelTopology: modelArtifacts, weightSpecs, weightData, trainingConfig};
  }
  return {load: () => artifacts};
};

tf.io.fromMemory = function() {
  const sync = tf.io.fromMemorySync.apply(null, arguments);
  return {load: () => Promise.resolve(sync.load())};
};

tf.io.withSaveHandler = (saveHandler) => ({save: (artifacts) => saveHandler(artifacts)});
tf.io.withSaveHandlerSync = (saveHandler) => ({save: (artifacts) => saveHandler(artifacts)});

// ------------------------------------------------------------------- model management

const managers = {};

function registerManager(scheme, manager) {
  if (scheme.endsWith('://')) {
    scheme = scheme.slice(0, scheme.indexOf('://'));
  }
  managers[scheme] = manager;
}

function parseModelURL(url) {
  if (url.indexOf('://') === -1) {
    throw new Error(`The url string provided does not contain a scheme. ` +
        `Supported schemes are: ` +
        `${Object.keys(managers).join(',')}`);
  }
  return {scheme: url.split('://')[0], path: url.split('://')[1]};
}

function getManager(scheme) {
  const m = managers[scheme];
  if (m == null) {
    throw new Error(`Cannot find model manager for scheme '${scheme}'`);
  }
  return m;
}

tf.io.listModels = function() {
  const out = {};
  let chain = Promise.resolve();
  Object.keys(managers).forEach((scheme) => {
    chain = chain.then(() => getManager(scheme).listModels()).then((listed) => {
      for (const path in listed) {
        out[scheme + '://' + path] = listed[path];
      }
    });
  });
  return chain.then(() => out);
};

tf.io.removeModel = function(url) {
  return promised(() => {
    const parsed = parseModelURL(url);
    return getManager(parsed.scheme).removeModel(parsed.path);
  });
};

function cloneModel(sourceURL, destURL, deleteSource) {
  return promised(() => cloneModelNow(sourceURL, destURL, deleteSource));
}

function cloneModelNow(sourceURL, destURL, deleteSource) {
  assert(sourceURL !== destURL, () => `Old path and new path are the same: '${sourceURL}'`);
  const loadHandlers = tf.io.getLoadHandlers(sourceURL);
  assert(loadHandlers.length > 0, () => `Copying failed because no load handler is found for ` +
      `source URL ${sourceURL}.`);
  assert(loadHandlers.length < 2, () => `Copying failed because more than one ` +
      `(${loadHandlers.length}) load handlers for source URL ${sourceURL}.`);
  const saveHandlers = tf.io.getSaveHandlers(destURL);
  assert(saveHandlers.length > 0, () => `Copying failed because no save handler is found for ` +
      `destination URL ${destURL}.`);
  assert(saveHandlers.length < 2, () => `Copying failed because more than one ` +
      `(${loadHandlers.length}) save handlers for destination URL ${destURL}.`);
  const source = parseModelURL(sourceURL);
  let artifacts;
  return Promise.resolve(loadHandlers[0].load()).then((a) => {
    artifacts = a;
    return deleteSource ? getManager(source.scheme).removeModel(source.path) : null;
  }).then(() => saveHandlers[0].save(artifacts)).then((saveResult) => saveResult.modelArtifactsInfo);
}

tf.io.copyModel = (sourceURL, destURL) => cloneModel(sourceURL, destURL, false);
tf.io.moveModel = (sourceURL, destURL) => cloneModel(sourceURL, destURL, true);

// Routers in TF.js's order (io.js imports indexed_db, local_storage, browser_files, http).
tf.io.registerSaveRouter(indexedDBRouter);
tf.io.registerLoadRouter(indexedDBRouter);
tf.io.registerSaveRouter(localStorageRouter);
tf.io.registerLoadRouter(localStorageRouter);
tf.io.registerSaveRouter(downloadsRouter);
tf.io.registerSaveRouter(httpRouter);
tf.io.registerLoadRouter(httpRouter);
if (hasLocalStorage()) {
  registerManager(BrowserLocalStorage.URL_SCHEME, localStorageManager);
}
if (inBrowser() && typeof window.indexedDB !== 'undefined') {
  registerManager(BrowserIndexedDB.URL_SCHEME, indexedDBManager);
}
})();
