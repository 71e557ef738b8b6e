// ---------------------------------------------------------------------------------------------
// tf.data: lazy datasets as TF.js's tfjs-data 4.22 (array, generator, func, csv, zip; map,
// mapAsync, filter, batch, concatenate, shuffle, repeat, take, skip, prefetch; forEachAsync,
// toArray, iterator). The iterators are JS because they call JS functions and await Promises; the
// shuffle's random numbers (seedrandom alea), CSV row parsing and value conversion are Java
// (N.DataBridge, dev.samovar.data), shared with the Java pipeline. Tensors are disposed where TF.js
// disposes them.
// ---------------------------------------------------------------------------------------------
// (In a function of its own: its helpers stay out of the other API files' scope.)
(function() {
/** Runs `fn` and returns a Promise of its result; a throw becomes a rejection. */
function promised(fn) {
  return new Promise((resolve) => resolve(fn()));
}

const D = N.DataBridge;

tf.data = {};

const DONE = {value: null, done: true};

// ------------------------------------------------------------------- structure helpers

function isTensor(x) {
  return x instanceof Tensor;
}

/** TF.js's isIterable: arrays and plain objects (not tensors, typed arrays, promises). */
function isIterableObj(obj) {
  return obj != null && !ArrayBuffer.isView(obj) &&
      (Array.isArray(obj) || (typeof obj === 'object' && !isTensor(obj) && !(obj instanceof Promise)));
}

function canTensorify(obj) {
  return obj == null || (typeof obj !== 'object' && typeof obj !== 'function') || Array.isArray(obj) ||
      isTensor(obj) || isTypedArray(obj);
}

function tensorsIn(x, out = []) {
  if (x == null) {
    return out;
  }
  if (isTensor(x)) {
    out.push(x);
  } else if (Array.isArray(x)) {
    x.forEach((v) => tensorsIn(v, out));
  } else if (typeof x === 'object' && !ArrayBuffer.isView(x)) {
    Object.keys(x).forEach((k) => tensorsIn(x[k], out));
  }
  return out;
}

function disposeInputsNotIn(input, output) {
  const keep = tensorsIn(output);
  tensorsIn(input).forEach((t) => {
    if (keep.indexOf(t) < 0) {
      t.dispose();
    }
  });
}

/** TF.js's deepMap (with its `seen` cache and circular check). */
function deepMap(input, mapFn, seen = new Map(), containedIn = new Set()) {
  if (input == null) {
    return null;
  }
  if (typeof Blob === 'function' && input instanceof Blob) {
    return input.slice();
  }
  if (containedIn.has(input)) {
    throw new Error('Circular references are not supported.');
  }
  if (seen.has(input)) {
    return seen.get(input);
  }
  const result = mapFn(input);
  if (result.recurse && result.value !== null) {
    throw new Error('A deep map function may not return both a value and recurse=true.');
  }
  if (!result.recurse) {
    seen.set(input, result.value);
    return result.value;
  }
  if (isIterableObj(input)) {
    const mapped = Array.isArray(input) ? [] : {};
    containedIn.add(input);
    for (const k in input) {
      mapped[k] = deepMap(input[k], mapFn, seen, containedIn);
    }
    containedIn.delete(input);
    if (Object.getPrototypeOf(input) && !Array.isArray(input)) {
      Object.setPrototypeOf(mapped, Object.getPrototypeOf(input));
    }
    return mapped;
  }
  throw new Error(`Can't recurse into non-iterable type: ${input}`);
}

function deepMapAndAwaitAll(input, mapFn) {
  return promised(() => {
    const seen = new Map();
    deepMap(input, mapFn, seen);
    const keys = Array.from(seen.keys());
    return Promise.all(keys.map((k) => seen.get(k))).then((values) => {
      keys.forEach((k, i) => seen.set(k, values[i]));
      return deepMap(input, mapFn, seen);
    });
  });
}

/** Calls `step` until it returns a non-undefined value (or a Promise of one); a Promise of that. */
function loop(step) {
  return promised(step).then((r) => r === undefined ? loop(step) : r);
}

function deepClone(container) {
  return deepMap(container, (item) => {
    if (isTensor(item)) {
      return {value: item.clone(), recurse: false};
    }
    if (isIterableObj(item)) {
      return {value: null, recurse: true};
    }
    return {value: item, recurse: false};
  });
}

function deepZip(inputs, zipFn, containedIn = new Set()) {
  const input = inputs[0];
  if (containedIn.has(input)) {
    throw new Error('Circular references are not supported.');
  }
  const result = zipFn(inputs);
  if (result.recurse && result.value !== null) {
    throw new Error('A deep zip function may not return both a value and recurse=true.');
  }
  if (!result.recurse) {
    return result.value;
  }
  if (isIterableObj(input)) {
    const mapped = Array.isArray(input) ? [] : {};
    containedIn.add(input);
    for (const k in input) {
      mapped[k] = deepZip(inputs.map((x) => x[k]), zipFn, containedIn);
    }
    containedIn.delete(input);
    return mapped;
  }
  throw new Error(`Can't recurse into non-iterable type: ${input}`);
}

function deepBatchConcat(rows) {
  if (rows === null) {
    return null;
  }
  if (canTensorify(rows[0])) {
    if (rows.length === 0) {
      throw new Error('Can\'t make a batch of zero elements.');
    }
    return {value: isTensor(rows[0]) ? tf.stack(rows) : tf.tensor(rows), recurse: false};
  }
  return {value: null, recurse: true};
}

// ------------------------------------------------------------------- iterators

/** A LazyIterator: `next()` returns a Promise of {value, done}. */
function LazyIterator(nextFn, summary) {
  this.nextImpl = nextFn;
  this.summaryText = summary || 'Iterator';
}

LazyIterator.prototype.next = function() {
  return this.nextImpl();
};

LazyIterator.prototype.summary = function() {
  return this.summaryText;
};

/** Serializes calls to `serialNext` as TF.js's iterators with `lastRead` do. */
function serialIterator(serialNext, summary) {
  let lastRead = Promise.resolve(DONE);
  return new LazyIterator(() => {
    lastRead = lastRead.then(() => serialNext(), () => serialNext());
    return lastRead;
  }, summary);
}

function collect(stream) {
  const result = [];
  return loop(() => stream.next().then((x) => {
    if (x.done) {
      return result;
    }
    result.push(x.value);
  }));
}

LazyIterator.prototype.toArray = function() {
  return collect(this);
};

LazyIterator.prototype.toArrayForTest = function() {
  return collect(this.prefetch(100));
};

LazyIterator.prototype.resolveFully = function() {
  return loop(() => this.next().then((x) => x.done ? null : undefined)).then(() => undefined);
};

LazyIterator.prototype.map = function(transform) {
  const upstream = this;
  return new LazyIterator(() => upstream.next().then((item) => {
    if (item.done) {
      return {value: null, done: true};
    }
    const mapped = transform(item.value);
    disposeInputsNotIn(item.value, mapped);
    return {value: mapped, done: false};
  }), `${upstream.summary()} -> Map`);
};

LazyIterator.prototype.mapAsync = function(transform) {
  const upstream = this;
  return new LazyIterator(() => upstream.next().then((item) => {
    if (item.done) {
      return {value: null, done: true};
    }
    return Promise.resolve(transform(item.value)).then((mapped) => {
      disposeInputsNotIn(item.value, mapped);
      return {value: mapped, done: false};
    });
  }), `${upstream.summary()} -> AsyncMap`);
};

LazyIterator.prototype.filter = function(predicate) {
  const upstream = this;
  return serialIterator(() => loop(() => upstream.next().then((item) => {
    if (item.done || predicate(item.value)) {
      return item;
    }
    tf.dispose(item.value);
  })), `${upstream.summary()} -> Filter`);
};

LazyIterator.prototype.forEachAsync = function(f) {
  return this.map(f).resolveFully();
};

LazyIterator.prototype.rowMajorBatch = function(batchSize, smallLastBatch = true) {
  const upstream = this;
  return serialIterator(() => {
    const batch = [];
    return loop(() => {
      if (batch.length >= batchSize) {
        return {value: batch, done: false};
      }
      return upstream.next().then((item) => {
        if (item.done) {
          if (smallLastBatch && batch.length > 0) {
            return {value: batch, done: false};
          }
          return {value: null, done: true};
        }
        batch.push(item.value);
      });
    });
  }, `${upstream.summary()} -> RowMajorBatch`);
};

LazyIterator.prototype.columnMajorBatch = function(batchSize, smallLastBatch = true, zipFn = deepBatchConcat) {
  return this.rowMajorBatch(batchSize, smallLastBatch).map((x) => deepZip(x, zipFn));
};

LazyIterator.prototype.concatenate = function(iterator) {
  return chainedIterator(itemsIterator([this, iterator], false));
};

LazyIterator.prototype.take = function(count) {
  if (count < 0 || count == null) {
    return this;
  }
  const upstream = this;
  let n = 0;
  return new LazyIterator(() => {
    if (n++ >= count) {
      return Promise.resolve({value: null, done: true});
    }
    return upstream.next();
  }, `${upstream.summary()} -> Take`);
};

LazyIterator.prototype.skip = function(count) {
  if (count < 0 || count == null) {
    return this;
  }
  const upstream = this;
  let n = 0;
  return serialIterator(() => loop(() => {
    if (n++ < count) {
      return upstream.next().then((skipped) => {
        if (skipped.done) {
          return skipped;
        }
        tf.dispose(skipped.value);
      });
    }
    return upstream.next();
  }), `${upstream.summary()} -> Skip`);
};

/** TF.js's PrefetchIterator: keeps `bufferSize` pending reads of upstream. */
LazyIterator.prototype.prefetch = function(bufferSize) {
  if (bufferSize == null) {
    throw new RangeError('Can\'t create a ring buffer of unknown capacity.');
  }
  if (bufferSize < 1) {
    throw new RangeError('Can\'t create ring buffer of capacity < 1.');
  }
  const upstream = this;
  const buffer = [];
  return new LazyIterator(() => {
    while (buffer.length < bufferSize) {
      buffer.push(upstream.next());
    }
    return buffer.shift();
  }, `${upstream.summary()} -> Prefetch`);
};

/**
 * TF.js's ShuffleIterator: a window of `windowSize` pending reads of upstream (end markers
 * included), one drawn at random (Java's alea) and replaced by the last.
 */
LazyIterator.prototype.shuffle = function(windowSize, seed) {
  if (windowSize < 1) {
    throw new RangeError('Can\'t create ring buffer of capacity < 1.');
  }
  const upstream = this;
  const random = D.random(seed || String(Date.now()));
  const buffer = [];
  let upstreamExhausted = false;
  const refill = () => {
    while (buffer.length < windowSize) {
      buffer.push(upstream.next());
    }
  };
  return serialIterator(() => {
    if (!upstreamExhausted) {
      refill();
    }
    return loop(() => {
      if (buffer.length === 0) {
        return {value: null, done: true};
      }
      const i = D.randomIndex(random, buffer.length);
      const chosen = buffer[i];
      const last = buffer.pop();
      if (i < buffer.length) {
        buffer[i] = last;
      }
      return Promise.resolve(chosen).then((result) => {
        if (result.done) {
          upstreamExhausted = true;
          return undefined;
        }
        refill();
        return result;
      });
    });
  }, `${upstream.summary()} -> Shuffle`);
};

function itemsIterator(items, clone = true) {
  let i = 0;
  return new LazyIterator(() => promised(() => {
    if (i >= items.length) {
      return {value: null, done: true};
    }
    const item = items[i++];
    return {value: clone ? deepClone(item) : item, done: false};
  }), `Array of ${items.length} items`);
}

function functionIterator(nextFn) {
  return new LazyIterator(() => {
    let r;
    try {
      r = nextFn();
    } catch (e) {
      if (e && typeof e.message === 'string') {
        e.message = `Error thrown while iterating through a dataset: ${e.message}`;
      }
      return Promise.reject(e);
    }
    return Promise.resolve(r);
  }, 'Function call');
}

/** Reads the iterators produced by `iterators` one after another. */
function chainedIterator(iterators) {
  let current = null;
  let lastRead = null;
  const readFromChain = (previous) => Promise.resolve(previous).then(() => loop(() => {
    const getIterator = current != null ? Promise.resolve(true) : iterators.next().then((r) => {
      if (r.done) {
        return false;
      }
      current = r.value;
      return true;
    });
    return getIterator.then((more) => {
      if (!more) {
        return {value: null, done: true};
      }
      return current.next().then((item) => {
        if (item.done) {
          current = null;
          return undefined;
        }
        return item;
      });
    });
  }));
  return new LazyIterator(() => {
    lastRead = readFromChain(lastRead);
    return lastRead;
  }, 'Chained');
}

function zipIterators(iterators) {
  let current = null;
  let count = 0;
  const nextState = (after) => Promise.resolve(after).then(() => {
    let numIterators = 0;
    let iteratorsDone = 0;
    const getNext = (container) => {
      if (container instanceof LazyIterator) {
        return {value: container.next().then((x) => {
          numIterators++;
          if (x.done) {
            iteratorsDone++;
          }
          return x.value;
        }), recurse: false};
      }
      return {value: null, recurse: true};
    };
    return deepMapAndAwaitAll(iterators, getNext).then((mapped) => {
      if (numIterators === iteratorsDone) {
        return {value: null, done: true};
      }
      if (iteratorsDone > 0) {
        return {value: null, done: true};
      }
      count++;
      return {value: mapped, done: false};
    });
  });
  return new LazyIterator(() => {
    current = nextState(current);
    return current;
  }, 'Zip');
}

// ------------------------------------------------------------------- Dataset

function Dataset() {
  this.size = null;
}

function datasetFromIteratorFn(iteratorFn, size = null) {
  const ds = new Dataset();
  ds.size = size;
  ds.iterator = function() {
    return promised(iteratorFn);
  };
  return ds;
}

Dataset.MAX_BUFFER_SIZE = 10000;

Dataset.prototype.batch = function(batchSize, smallLastBatch = true) {
  const base = this;
  assert(batchSize > 0, () => `batchSize needs to be positive, but it is
      ${batchSize}`);
  let size;
  if (this.size === Infinity || this.size == null) {
    size = this.size;
  } else if (smallLastBatch) {
    size = Math.ceil(this.size / batchSize);
  } else {
    size = Math.floor(this.size / batchSize);
  }
  return datasetFromIteratorFn(() =>
    base.iterator().then((it) => it.columnMajorBatch(batchSize, smallLastBatch, deepBatchConcat)), size);
};

Dataset.prototype.concatenate = function(dataset) {
  const base = this;
  let size;
  if (this.size === Infinity || dataset.size === Infinity) {
    size = Infinity;
  } else if (this.size != null && dataset.size != null) {
    size = this.size + dataset.size;
  } else {
    size = null;
  }
  return datasetFromIteratorFn(() => Promise.all([base.iterator(), dataset.iterator()])
      .then((its) => its[0].concatenate(its[1])), size);
};

Dataset.prototype.filter = function(predicate) {
  const base = this;
  const size = this.size === Infinity ? Infinity : null;
  return datasetFromIteratorFn(() =>
    base.iterator().then((it) => it.filter((x) => tf.tidy(() => predicate(x)))), size);
};

Dataset.prototype.forEachAsync = function(f) {
  return this.iterator().then((it) => it.forEachAsync(f));
};

Dataset.prototype.map = function(transform) {
  const base = this;
  return datasetFromIteratorFn(() =>
    base.iterator().then((it) => it.map((x) => tf.tidy(() => transform(x)))), this.size);
};

Dataset.prototype.mapAsync = function(transform) {
  const base = this;
  return datasetFromIteratorFn(() => base.iterator().then((it) => it.mapAsync(transform)), this.size);
};

Dataset.prototype.prefetch = function(bufferSize) {
  if (bufferSize == null) {
    throw new RangeError('`Dataset.prefetch()` requires bufferSize to be specified.');
  }
  const base = this;
  return datasetFromIteratorFn(() => base.iterator().then((it) => it.prefetch(bufferSize)), this.size);
};

Dataset.prototype.repeat = function(count) {
  const base = this;
  let size;
  if (this.size != null && count > 0) {
    size = this.size * count;
  } else if (count === 0) {
    size = 0;
  } else if (this.size != null && (count === undefined || count < 0)) {
    size = Infinity;
  } else {
    size = null;
  }
  return datasetFromIteratorFn(() => {
    const iterators = functionIterator(() => base.iterator().then((it) => ({value: it, done: false})));
    return chainedIterator(iterators.take(count));
  }, size);
};

Dataset.prototype.skip = function(count) {
  const base = this;
  let size;
  if (this.size != null && count >= 0 && this.size >= count) {
    size = this.size - count;
  } else if (this.size != null && (this.size < count || count === undefined || count < 0)) {
    size = 0;
  } else {
    size = null;
  }
  return datasetFromIteratorFn(() => base.iterator().then((it) => it.skip(count)), size);
};

Dataset.prototype.shuffle = function(bufferSize, seed, reshuffleEachIteration = true) {
  if (bufferSize == null || bufferSize < 0) {
    if (this.size == null) {
      throw new RangeError('`Dataset.shuffle()` requires bufferSize to be specified.');
    }
    throw new RangeError('`Dataset.shuffle()` requires bufferSize to be specified.  ' +
        'If your data fits in main memory (for regular JS objects), ' +
        'and/or GPU memory (for `tf.Tensor`s), consider setting ' +
        `bufferSize to the dataset size (${this.size} elements)`);
  }
  const base = this;
  const random = D.random(seed ? String(seed) : String(Date.now()));
  return datasetFromIteratorFn(() => {
    const seed2 = D.iterationSeed(random, !!reshuffleEachIteration);
    return base.iterator().then((it) => it.shuffle(bufferSize, seed2));
  }, this.size);
};

Dataset.prototype.take = function(count) {
  const base = this;
  let size;
  if (this.size != null && this.size > count) {
    size = count;
  } else if (this.size != null && this.size <= count) {
    size = this.size;
  } else {
    size = null;
  }
  return datasetFromIteratorFn(() => base.iterator().then((it) => it.take(count)), size);
};

Dataset.prototype.toArray = function() {
  if (this.size === Infinity) {
    return Promise.reject(new Error('Can not convert infinite data stream to array.'));
  }
  return this.iterator().then((it) => it.toArray());
};

Dataset.prototype.toArrayForTest = function() {
  if (this.size === Infinity) {
    return Promise.reject(new Error('Can not convert infinite data stream to array.'));
  }
  return this.iterator().then((it) => it.toArrayForTest());
};

/** Not in TF.js's Dataset (it has no unbatch): one element per row of each batched tensor. */
Dataset.prototype.unbatch = function() {
  const base = this;
  return datasetFromIteratorFn(() => base.iterator().then((upstream) => {
    const pending = [];
    return serialIterator(() => loop(() => {
      if (pending.length > 0) {
        return {value: pending.shift(), done: false};
      }
      return upstream.next().then((item) => {
        if (item.done) {
          return {value: null, done: true};
        }
        const leaves = tensorsIn(item.value);
        const n = leaves.length === 0 ? 0 : leaves[0].shape[0];
        const parts = deepMap(item.value, (x) => isTensor(x) ? {value: tf.unstack(x), recurse: false} :
            isIterableObj(x) ? {value: null, recurse: true} : {value: x, recurse: false});
        for (let i = 0; i < n; i++) {
          pending.push(deepMap(parts, (x) => Array.isArray(x) && x.length === n && isTensor(x[0]) ?
              {value: x[i], recurse: false} : isIterableObj(x) ? {value: null, recurse: true} :
              {value: x, recurse: false}));
        }
        tf.dispose(item.value);
      });
    }));
  }), null);
};

tf.data.Dataset = Dataset;
tf.data.version_data = '4.22.0';

tf.data.array = function(items) {
  return datasetFromIteratorFn(() => itemsIterator(items), items.length);
};

tf.data.zip = function(datasets) {
  if (!isIterableObj(datasets)) {
    throw new Error('The argument to zip() must be an object or array.');
  }
  let size;
  if (Array.isArray(datasets)) {
    for (let i = 0; i < datasets.length; i++) {
      size = size == null ? datasets[i].size : Math.min(size, datasets[i].size);
    }
  } else {
    for (const k in datasets) {
      size = size == null ? datasets[k].size : Math.min(size, datasets[k].size);
    }
  }
  return datasetFromIteratorFn(() => deepMapAndAwaitAll(datasets, (d) => {
      if (d instanceof Dataset) {
        return {value: d.iterator(), recurse: false};
      }
      if (isIterableObj(d)) {
        return {value: null, recurse: true};
      }
      throw new Error('Leaves of the structure passed to zip() must be Datasets, ' +
          'not primitives.');
  }).then((streams) => zipIterators(streams)), size);
};

tf.data.concatenate = (a, b) => a.concatenate(b);

tf.data.func = function(f) {
  const iter = functionIterator(f);
  return datasetFromIteratorFn(() => iter);
};

tf.data.generator = function(generator) {
  return datasetFromIteratorFn(() => Promise.resolve(generator())
      .then((gen) => functionIterator(() => gen.next())));
};

tf.data.webcam = function() {
  return Promise.reject(new Error('tf.data.webcam is not implemented in samovar yet'));
};

tf.data.microphone = function() {
  return Promise.reject(new Error('tf.data.microphone is not implemented in samovar yet'));
};

// ------------------------------------------------------------------- csv

/** The lines of a text source: fetched (a URL or Request), a Blob/File, or a `data:` URL. */
function textLines(source, fileOptions) {
  const read = typeof Blob !== 'undefined' && source instanceof Blob ? source.text() :
    promised(() => fetch(source, fileOptions && fileOptions.requestInit)).then((response) => {
      if (!response.ok) {
        throw new Error(`Request to ${source} failed with status code ${response.status}.`);
      }
      return response.text();
    });
  return read.then((text) => splitLines(text));
}

function splitLines(text) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines.map((l) => l.endsWith('\r') ? l.slice(0, -1) : l);
}

function CSVDataset(source, csvConfig) {
  Dataset.call(this);
  this.source = source;
  this.hasHeader = true;
  this.fullColumnNames = null;
  this.columnNamesValidated = false;
  this.columnConfigs = null;
  this.configuredColumnsOnly = false;
  this.delimiter = ',';
  this.delimWhitespace = false;
  if (!csvConfig) {
    csvConfig = {};
  }
  this.hasHeader = csvConfig.hasHeader === false ? false : true;
  this.fullColumnNames = csvConfig.columnNames;
  this.columnConfigs = csvConfig.columnConfigs;
  this.configuredColumnsOnly = csvConfig.configuredColumnsOnly;
  if (csvConfig.delimWhitespace) {
    assert(csvConfig.delimiter == null,
        () => 'Delimiter should not be provided when delimWhitespace is true.');
    this.delimWhitespace = true;
    this.delimiter = ' ';
  } else {
    this.delimiter = csvConfig.delimiter ? csvConfig.delimiter : ',';
  }
}
CSVDataset.prototype = Object.create(Dataset.prototype);
CSVDataset.prototype.constructor = CSVDataset;

CSVDataset.prototype.lines = function() {
  if (this.cachedLines == null) {
    this.cachedLines = textLines(this.source);
  }
  return this.cachedLines;
};

CSVDataset.prototype.columnNames = function() {
  return (this.columnNamesValidated ? Promise.resolve() : this.setColumnNames()).then(() =>
    this.configuredColumnsOnly ? Object.keys(this.columnConfigs) : this.fullColumnNames);
};

CSVDataset.prototype.setColumnNames = function() {
  return this.lines().then((lines) => this.setColumnNamesFrom(lines));
};

CSVDataset.prototype.setColumnNamesFrom = function(lines) {
  let fromFile = null;
  if (this.hasHeader) {
    if (lines.length === 0) {
      throw new Error('No data was found for CSV parsing.');
    }
    fromFile = this.parseRow(lines[0], false);
  }
  if (!this.fullColumnNames && !fromFile) {
    throw new Error('Column names must be provided if there is no header line.');
  } else if (this.fullColumnNames && fromFile) {
    assert(fromFile.length === this.fullColumnNames.length, () =>
      'The length of provided columnNames (' + this.fullColumnNames.length.toString() +
        ') does not match the length of the header line read from ' +
        'file (' + fromFile.length.toString() + ').');
  }
  if (!this.fullColumnNames) {
    this.fullColumnNames = fromFile;
  }
  const counts = {};
  this.fullColumnNames.forEach((name) => {
    counts[name] = (counts[name] + 1) || 1;
  });
  const duplicates = Object.keys(counts).filter((name) => counts[name] > 1);
  assert(duplicates.length === 0, () => 'Duplicate column names found: ' + duplicates.toString());
  if (this.columnConfigs) {
    for (const key of Object.keys(this.columnConfigs)) {
      if (this.fullColumnNames.indexOf(key) === -1) {
        throw new Error('The key "' + key +
            '" provided in columnConfigs does not match any of the column ' +
            'names (' + this.fullColumnNames.toString() + ').');
      }
    }
  }
  this.columnNamesValidated = true;
};

CSVDataset.prototype.iterator = function() {
  return (this.columnNamesValidated ? Promise.resolve() : this.setColumnNames())
      .then(() => this.lines()).then((all) => {
        let lines = itemsIterator(all, false);
        if (this.hasHeader) {
          lines = lines.skip(1);
        }
        return lines.map((x) => this.makeDataElement(x));
      });
};

CSVDataset.prototype.parseRow = function(line, validateElementCount = true) {
  const joined = D.parseRow(line, this.delimiter, !!this.delimWhitespace);
  const parts = joined.split('\u0000');
  const result = parts.slice(1);
  if (validateElementCount && result.length !== this.fullColumnNames.length) {
    throw new Error(`Invalid row in csv file. Should have ${this.fullColumnNames.length} ` +
        `elements in a row, but got ${result}`);
  }
  return result;
};

CSVDataset.prototype.makeDataElement = function(line) {
  const values = this.parseRow(line);
  const features = {};
  const labels = {};
  for (let i = 0; i < this.fullColumnNames.length; i++) {
    const key = this.fullColumnNames[i];
    const config = this.columnConfigs ? this.columnConfigs[key] : null;
    if (this.configuredColumnsOnly && !config) {
      continue;
    }
    const value = values[i];
    let parsed = null;
    if (value === '') {
      if (config && config.default !== undefined) {
        parsed = config.default;
      } else if (config && (config.required || config.isLabel)) {
        throw new Error(`Required column ${key} is empty in this line: ${line}`);
      } else {
        parsed = undefined;
      }
    } else {
      const num = D.toNumber(value);
      if (num !== num) {
        parsed = config && config.dtype === 'bool' ? D.toBoolean(value) : value;
      } else if (!config || !config.dtype) {
        parsed = num;
      } else if (config.dtype === 'int32') {
        parsed = D.floor(num);
      } else if (config.dtype === 'bool') {
        parsed = D.toBoolean(value);
      } else {
        parsed = num;
      }
    }
    if (config && config.isLabel) {
      labels[key] = parsed;
    } else {
      features[key] = parsed;
    }
  }
  return Object.keys(labels).length === 0 ? features : {xs: features, ys: labels};
};

tf.data.CSVDataset = CSVDataset;

tf.data.csv = function(source, csvConfig = {}) {
  return new CSVDataset(source, csvConfig);
};
})();
