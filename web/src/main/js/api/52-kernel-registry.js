// TF.js's kernel registry on Samovar's: tf.registerKernel, getKernel, unregisterKernel,
// getKernelsForBackend, copyRegisteredKernels. A JS kernel function really runs: it is registered as
// a Samovar kernel, so every op using that kernel calls it.
const KR = N.KernelsBridge;

/**
 * The names TF.js gives each kernel's inputs, in order (from tfjs-core 4.22's kernel_names.d.ts);
 * '*': a list of tensors (AddN, Concat, Pack, Einsum, ...).
 */
const KERNEL_INPUTS = {
  Abs: 'x', Acos: 'x', Acosh: 'x', Add: 'a,b', AddN: '*', All: 'x', Any: 'x', ArgMax: 'x',
  ArgMin: 'x', Asin: 'x', Asinh: 'x', Atan: 'x', Atanh: 'x', Atan2: 'a,b', AvgPool: 'x',
  AvgPoolGrad: 'dy,input', AvgPool3D: 'x', AvgPool3DGrad: 'dy,input', BatchMatMul: 'a,b',
  BatchToSpaceND: 'x', Bincount: 'x,weights', BitwiseAnd: 'a,b', BroadcastTo: 'x',
  BroadcastArgs: 's0,s1', Cast: 'x', Ceil: 'x', ClipByValue: 'x', Complex: 'real,imag',
  ComplexAbs: 'x', Concat: '*', Conv2D: 'x,filter', Conv2DBackpropFilter: 'x,dy',
  Conv2DBackpropInput: 'dy,filter', Conv3D: 'x,filter', Conv3DBackpropFilterV2: 'x,dy',
  Conv3DBackpropInputV2: 'dy,filter', Cos: 'x', Cosh: 'x', Cumprod: 'x', Cumsum: 'x',
  CropAndResize: 'image,boxes,boxInd', DenseBincount: 'x,weights', DepthToSpace: 'x',
  DepthwiseConv2dNative: 'x,filter', DepthwiseConv2dNativeBackpropFilter: 'x,dy',
  DepthwiseConv2dNativeBackpropInput: 'dy,filter', Diag: 'x', Dilation2D: 'x,filter',
  Dilation2DBackpropInput: 'x,filter,dy', Dilation2DBackpropFilter: 'x,filter,dy', Draw: 'image',
  RealDiv: 'a,b', Einsum: '*', Elu: 'x', EluGrad: 'dy,y', Erf: 'x', Equal: 'a,b', Exp: 'x',
  ExpandDims: 'input', Expm1: 'x', FFT: 'input', FlipLeftRight: 'image', Floor: 'x',
  FloorDiv: 'a,b', FusedBatchNorm: 'x,scale,offset,mean,variance', GatherV2: 'x,indices',
  GatherNd: 'params,indices', Greater: 'a,b', GreaterEqual: 'a,b', Identity: 'x', IFFT: 'input',
  Imag: 'input', IsFinite: 'x', IsInf: 'x', IsNan: 'x', LeakyRelu: 'x', Less: 'a,b',
  LessEqual: 'a,b', Log: 'x', Log1p: 'x', LogicalAnd: 'a,b', LogicalNot: 'x', LogicalOr: 'a,b',
  LogicalXor: 'a,b', LogSoftmax: 'logits', LowerBound: 'sortedSequence,values', LRN: 'x',
  LRNGrad: 'x,y,dy', MatrixBandPart: 'input,numLower,numUpper', Max: 'x', Maximum: 'a,b',
  MaxPool: 'x', MaxPoolGrad: 'dy,input,output', MaxPool3D: 'x', MaxPool3DGrad: 'dy,input,output',
  MaxPoolWithArgmax: 'x', Mean: 'x', Min: 'x', Minimum: 'a,b', MirrorPad: 'x', Mod: 'a,b',
  Multinomial: 'logits', Multiply: 'a,b', Neg: 'x', NotEqual: 'a,b',
  NonMaxSuppressionV3: 'boxes,scores', NonMaxSuppressionV4: 'boxes,scores',
  NonMaxSuppressionV5: 'boxes,scores', OnesLike: 'x', OneHot: 'indices', Pack: '*', PadV2: 'x',
  Pool: 'input', Pow: 'a,b', Prelu: 'x,alpha', Prod: 'x', RaggedGather: '*',
  RaggedRange: 'starts,limits,deltas', RaggedTensorToTensor: '*', Real: 'input', Reciprocal: 'x',
  Relu: 'x', Reshape: 'x', ResizeNearestNeighbor: 'images', ResizeNearestNeighborGrad: 'images,dy',
  ResizeBilinear: 'images', ResizeBilinearGrad: 'images,dy', Relu6: 'x', Reverse: 'x', Round: 'x',
  Rsqrt: 'x', ScatterNd: 'indices,updates', TensorScatterUpdate: 'tensor,indices,updates',
  SearchSorted: 'sortedSequence,values', Select: 'condition,t,e', Selu: 'x', Slice: 'x', Sin: 'x',
  Sinh: 'x', Sign: 'x', Sigmoid: 'x', Softplus: 'x', Sqrt: 'x', Sum: 'x', SpaceToBatchND: 'x',
  SplitV: 'x', Softmax: 'logits', SparseFillEmptyRows: 'indices,values,denseShape,defaultValue',
  SparseReshape: 'inputIndices,inputShape,newShape', SparseSegmentMean: 'data,indices,segmentIds',
  SparseSegmentSum: 'data,indices,segmentIds',
  SparseToDense: 'sparseIndices,sparseValues,defaultValue', SquaredDifference: 'a,b', Square: 'x',
  StaticRegexReplace: 'x', StridedSlice: 'x', StringNGrams: 'data,dataSplits',
  StringSplit: 'input,delimiter', StringToHashBucketFast: 'input', Sub: 'a,b', Tan: 'x', Tanh: 'x',
  Tile: 'x', TopK: 'x', Transform: 'image,transforms', Transpose: 'x', Unique: 'x',
  Unpack: 'value', UnsortedSegmentSum: 'x,segmentIds', UpperBound: 'sortedSequence,values',
  ZerosLike: 'x', Step: 'x', RotateWithOffset: 'image',
};

/** Kernels registered from JS, by backend and name: their configs as given. */
const JS_KERNELS = new Map();

/** The TensorInfo a JS kernel sees for a Java tensor: {dataId, shape, dtype}. */
function tensorInfo(h) {
  const t = wrap(h);
  return {dataId: {handle: h}, shape: t.shape.slice(), dtype: t.dtype};
}

/** The Java tensor behind a TensorInfo (or a Tensor) a JS kernel returns or passes on. */
function infoHandle(info) {
  if (info instanceof Tensor) {
    return info._h;
  }
  if (info == null || info.dataId == null || info.dataId.handle == null) {
    throw new Error('A kernel must return TensorInfos made by backend.makeTensorInfo (or its inputs)');
  }
  return info.dataId.handle;
}

/** The part of TF.js's KernelBackend that kernel functions use, over Samovar's tensors. */
function kernelBackend(backendName) {
  const valuesOf = (dataId) => wrap(dataId.handle).dataSync();
  return {
    name: backendName,
    data: {
      get: (dataId) => ({values: valuesOf(dataId)}),
      has: (dataId) => dataId != null && dataId.handle != null && !E.isDisposed(dataId.handle),
    },
    readSync: valuesOf,
    read: (dataId) => Promise.resolve(valuesOf(dataId)),
    makeTensorInfo: (shape, dtype, values) => {
      const size = sizeFromShape(shape);
      const v = values != null ? values : (dtype === 'float32' ? new Float32Array(size) : new Int32Array(size));
      return tensorInfo(makeHandle(v, Array.from(shape), dtype));
    },
    disposeIntermediateTensorInfo: (info) => E.dispose(infoHandle(info)),
    disposeData: (dataId) => E.dispose(dataId.handle),
    bufferSync: (info) => tf.buffer(info.shape, info.dtype, valuesOf(info.dataId)),
    floatPrecision: () => 32,
    epsilon: () => 1e-7,
  };
}

/** The handles of a TensorList from Java. */
function listHandles(list) {
  const n = KR.listSize(list);
  const hs = [];
  for (let i = 0; i < n; i++) {
    hs.push(KR.listGet(list, i));
  }
  return hs;
}

/** A JS kernel function as the function Java calls with positional inputs. */
function jsKernel(kernelName, kernelFunc) {
  return (inputList, attrsJson, backendName) => {
    const hs = listHandles(inputList);
    const names = KERNEL_INPUTS[kernelName];
    let inputs;
    if (names == null || names === '*') {
      inputs = hs.map(tensorInfo);
    } else {
      inputs = {};
      const list = names.split(',');
      hs.forEach((h, i) => {
        inputs[i < list.length ? list[i] : String(i)] = tensorInfo(h);
      });
    }
    const out = kernelFunc({inputs, backend: kernelBackend(backendName), attrs: JSON.parse(attrsJson)});
    const outs = (Array.isArray(out) ? out : [out]).map(infoHandle);
    // An input handed back as an output becomes a new tensor on the same values, as in TF.js.
    return toList(outs.map((h) => (hs.indexOf(h) >= 0 ? E.clone(h) : h)));
  };
}

/** A built-in kernel's function, callable as TF.js kernels are ({inputs, backend, attrs}). */
function builtinKernelFunc(kernelName, backendName, kernel) {
  return (args) => {
    const inputs = args.inputs;
    const names = KERNEL_INPUTS[kernelName];
    let infos;
    if (Array.isArray(inputs) || names == null || names === '*') {
      infos = Array.isArray(inputs) ? inputs : Object.keys(inputs).map((k) => inputs[k]);
    } else {
      infos = names.split(',').filter((n) => inputs[n] != null).map((n) => inputs[n]);
    }
    const outs = KR.runKernel(kernel, backendName, toList(infos.map(infoHandle)), JSON.stringify(args.attrs || {}));
    const result = Array.from(outs, tensorInfo);
    return result.length === 1 ? result[0] : result;
  };
}

/** Backends register their kernels when the engine starts: start it first, as TF.js's import does. */
function kernelsReady() {
  E.getBackend();
}

tf.registerKernel = function(config) {
  kernelsReady();
  const kernelName = config.kernelName;
  const backendName = config.backendName;
  const key = `${backendName}_${kernelName}`;
  if (JS_KERNELS.has(key) || KR.get(kernelName, backendName) != null) {
    console.warn(`The kernel '${kernelName}' for backend '${backendName}' is already registered`);
  }
  JS_KERNELS.set(key, config);
  KR.register(kernelName, backendName, jsKernel(kernelName, config.kernelFunc));
};

tf.getKernel = function(kernelName, backendName) {
  kernelsReady();
  const js = JS_KERNELS.get(`${backendName}_${kernelName}`);
  if (js !== undefined) {
    return js;
  }
  const kernel = KR.get(kernelName, backendName);
  if (kernel == null) {
    return undefined;
  }
  return {kernelName, backendName, kernelFunc: builtinKernelFunc(kernelName, backendName, kernel)};
};

tf.unregisterKernel = function(kernelName, backendName) {
  kernelsReady();
  const key = `${backendName}_${kernelName}`;
  if (!KR.unregister(kernelName, backendName)) {
    throw new Error(`The kernel '${kernelName}' for backend '${backendName}' is not registered`);
  }
  JS_KERNELS.delete(key);
};

tf.getKernelsForBackend = function(backendName) {
  kernelsReady();
  return Array.from(KR.names(backendName), (name) => tf.getKernel(name, backendName));
};

tf.copyRegisteredKernels = function(registeredBackendName, newBackendName) {
  kernelsReady();
  Array.from(KR.names(registeredBackendName)).forEach((name) => {
    const js = JS_KERNELS.get(`${registeredBackendName}_${name}`);
    if (js !== undefined) {
      tf.registerKernel(Object.assign({}, js, {backendName: newBackendName}));
    } else {
      if (KR.get(name, newBackendName) != null) {
        console.warn(`The kernel '${name}' for backend '${newBackendName}' is already registered`);
      }
      KR.registerKernelObject(name, newBackendName, KR.get(name, registeredBackendName));
    }
  });
};

/** Gradients registered from JS, by kernel name: their configs as given. */
const JS_GRADIENTS = new Map();

/**
 * tf.registerGradient({kernelName, inputsToSave, outputsToSave, gradFunc}): the gradient of a
 * kernel, used by every gradient computed from then on. gradFunc(dy, saved, attrs) returns, per
 * input name, a function giving that input's gradient, as in TF.js.
 */
tf.registerGradient = function(config) {
  const kernelName = config.kernelName;
  const names = KERNEL_INPUTS[kernelName];
  const list = names != null && names !== '*' ? names.split(',') : null;
  // A kernel TF.js does not know: its inputs to save are taken as its first inputs, in order.
  const inputsToSave = (config.inputsToSave || []).map((n, i) => (list != null ? list.indexOf(n) : i));
  const outputsToSave = (config.outputsToSave || []).map((b) => (b ? 1 : 0));
  KR.registerGradient(kernelName, inputsToSave, outputsToSave, (input, dyList, savedList, attrsJson) => {
    const dys = listHandles(dyList).map(wrap);
    const saved = listHandles(savedList).map(wrap);
    const grads = config.gradFunc(dys.length === 1 ? dys[0] : dys, saved, JSON.parse(attrsJson));
    const known = KERNEL_INPUTS[kernelName];
    const now = known != null && known !== '*' ? known.split(',') : null;
    const inputName = now != null && input < now.length ? now[input] : String(input);
    if (grads[inputName] == null) {
      throw new Error(`Cannot backprop through input ${inputName}. Available gradients found: ` +
          `${Object.keys(grads)}.`);
    }
    return grads[inputName]()._h;
  });
  JS_GRADIENTS.set(kernelName, config);
};

/**
 * tf.getGradient(kernelName): a gradient registered from JS; for a kernel whose gradient is built in,
 * a config whose gradFunc explains that it is Java code (it needs the engine's input shapes, which
 * TF.js's gradFunc signature does not carry); undefined when there is none.
 */
tf.getGradient = function(kernelName) {
  const js = JS_GRADIENTS.get(kernelName);
  if (js !== undefined) {
    return js;
  }
  if (!KR.hasGradient(kernelName)) {
    return undefined;
  }
  return {kernelName, gradFunc: () => {
    throw new Error(`The gradient of '${kernelName}' is built into Samovar's engine and cannot be called ` +
        'from JS; tf.grad / tf.grads use it');
  }};
};

tf.unregisterGradient = function(kernelName) {
  if (!KR.unregisterGradient(kernelName)) {
    throw new Error(`The gradient '${kernelName}' for backend is not registered`);
  }
  JS_GRADIENTS.delete(kernelName);
};

/**
 * tf.engine().runKernel(kernelName, inputs, attrs), as TF.js's engine has it: named inputs (put in
 * the kernel's input order), a Tensor, or an array for several outputs. A kernel name TF.js does not
 * know takes its inputs in the order of the object's keys.
 */
const engineDescriptor = tf.engine;
tf.engine = function() {
  const e = engineDescriptor();
  e.runKernel = (kernelName, inputs, attrs) => {
    const names = KERNEL_INPUTS[kernelName];
    let list;
    if (Array.isArray(inputs)) {
      list = inputs;
    } else if (names == null || names === '*') {
      if (names == null) {
        KERNEL_INPUTS[kernelName] = Object.keys(inputs).join(',');
      }
      list = Object.keys(inputs).map((k) => inputs[k]);
    } else {
      list = names.split(',').filter((n) => inputs[n] != null).map((n) => inputs[n]);
    }
    const outs = wrapAll(KR.runNamedKernel(kernelName, toList(list.map((t) => t._h)), JSON.stringify(attrs || {})));
    return outs.length === 1 ? outs[0] : outs;
  };
  return e;
};
