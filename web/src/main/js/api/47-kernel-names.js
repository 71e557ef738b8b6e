// The kernel names TF.js exports as string constants (tf.Add === 'Add', ...), and OP_SCOPE_SUFFIX.
[
  'Abs', 'Acos', 'Acosh', 'Add', 'AddN', 'All', 'Any', 'ArgMax', 'ArgMin', 'Asin', 'Asinh', 'Atan',
  'Atan2', 'Atanh', 'AvgPool', 'AvgPool3D', 'AvgPool3DGrad', 'AvgPoolGrad', 'BatchMatMul',
  'BatchToSpaceND', 'Bincount', 'BitwiseAnd', 'BroadcastArgs', 'BroadcastTo', 'Cast', 'Ceil',
  'ClipByValue', 'Complex', 'ComplexAbs', 'Concat', 'Conv2D', 'Conv2DBackpropFilter',
  'Conv2DBackpropInput', 'Conv3D', 'Conv3DBackpropFilterV2', 'Conv3DBackpropInputV2', 'Cos',
  'Cosh', 'CropAndResize', 'Cumprod', 'Cumsum', 'DenseBincount', 'DepthToSpace',
  'DepthwiseConv2dNative', 'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput', 'Diag', 'Dilation2D', 'Dilation2DBackpropFilter',
  'Dilation2DBackpropInput', 'Draw', 'Einsum', 'Elu', 'EluGrad', 'Equal', 'Erf', 'Exp',
  'ExpandDims', 'Expm1', 'FFT', 'Fill', 'FlipLeftRight', 'Floor', 'FloorDiv', 'FromPixels',
  'FusedBatchNorm', 'FusedConv2D', 'FusedDepthwiseConv2D', 'GatherNd', 'GatherV2', 'Greater',
  'GreaterEqual', 'IFFT', 'Identity', 'Imag', 'IsFinite', 'IsInf', 'IsNan', 'LRN', 'LRNGrad',
  'LeakyRelu', 'Less', 'LessEqual', 'LinSpace', 'Log', 'Log1p', 'LogSoftmax', 'LogicalAnd',
  'LogicalNot', 'LogicalOr', 'LogicalXor', 'LowerBound', 'MatrixBandPart', 'Max', 'MaxPool',
  'MaxPool3D', 'MaxPool3DGrad', 'MaxPoolGrad', 'MaxPoolWithArgmax', 'Maximum', 'Mean', 'Min',
  'Minimum', 'MirrorPad', 'Mod', 'Multinomial', 'Multiply', 'Neg', 'NonMaxSuppressionV3',
  'NonMaxSuppressionV4', 'NonMaxSuppressionV5', 'NotEqual', 'OneHot', 'OnesLike', 'Pack', 'PadV2',
  'Pool', 'Pow', 'Prelu', 'Prod', 'RaggedGather', 'RaggedRange', 'RaggedTensorToTensor', 'Range',
  'Real', 'RealDiv', 'Reciprocal', 'Relu', 'Relu6', 'Reshape', 'ResizeBilinear',
  'ResizeBilinearGrad', 'ResizeNearestNeighbor', 'ResizeNearestNeighborGrad', 'Reverse',
  'RotateWithOffset', 'Round', 'Rsqrt', 'ScatterNd', 'SearchSorted', 'Select', 'Selu', 'Sigmoid',
  'Sign', 'Sin', 'Sinh', 'Slice', 'Softmax', 'Softplus', 'SpaceToBatchND', 'SparseFillEmptyRows',
  'SparseReshape', 'SparseSegmentMean', 'SparseSegmentSum', 'SparseToDense', 'SplitV', 'Sqrt',
  'Square', 'SquaredDifference', 'StaticRegexReplace', 'Step', 'StridedSlice', 'StringNGrams',
  'StringSplit', 'StringToHashBucketFast', 'Sub', 'Sum', 'Tan', 'Tanh', 'TensorScatterUpdate',
  'Tile', 'TopK', 'Transform', 'Transpose', 'Unique', 'Unpack', 'UnsortedSegmentSum', 'UpperBound',
  'ZerosLike', '_FusedMatMul',
].forEach((name) => {
  tf[name] = name;
});
tf.OP_SCOPE_SUFFIX = '__op';

tf.Rank = {R0: 'R0', R1: 'R1', R2: 'R2', R3: 'R3', R4: 'R4', R5: 'R5', R6: 'R6'};

/**
 * tf.op({name: fn}): fn wrapped as TF.js wraps its ops: run in a scope (tensors it makes and does
 * not return are disposed), named name + '__op' (a trailing '_' dropped).
 */
tf.op = function(f) {
  const keys = Object.keys(f);
  if (keys.length !== 1) {
    throw new Error('Please provide an object with a single key ' +
        '(operation name) mapping to a function. Got an object with ' +
        `${keys.length} keys.`);
  }
  let opName = keys[0];
  const fn = f[opName];
  if (opName.endsWith('_')) {
    opName = opName.substring(0, opName.length - 1);
  }
  opName = opName + tf.OP_SCOPE_SUFFIX;
  const f2 = function() {
    const args = arguments;
    return scoped(opName, () => {
      const result = fn.apply(null, args);
      if (result instanceof Promise) {
        console.error('Cannot return a Promise inside of tidy.');
      }
      return result;
    });
  };
  Object.defineProperty(f2, 'name', {value: opName, configurable: true});
  return f2;
};
