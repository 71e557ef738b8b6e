// Convolutions (NHWC; conv2d also NCHW).
const CV = N.ConvBridge;

/** A strides / dilations / window argument: a number → [n], an array → a copy, else null. */
function convTuple(v) {
  if (v == null) {
    return null;
  }
  return typeof v === 'number' ? [v] : Array.from(v);
}

/**
 * A padding argument as the three values the bridges take: [padStr, padNum, padFlat]. Strings
 * (and anything that is neither a number nor an array) go as a string, numbers as a number,
 * explicit [[0,0],[t,b],[l,r],[0,0]] padding flattened.
 */
function convPad(pad) {
  if (typeof pad === 'number') {
    return [null, pad, null];
  }
  if (Array.isArray(pad)) {
    return [null, 0, flatten(pad)];
  }
  return [String(pad), 0, null];
}

function convRounding(mode) {
  return mode == null ? null : String(mode);
}

tf.conv2d = (x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1], dimRoundingMode) =>
  scoped('conv2d', () => {
    const hx = convert(x, 'x', 'conv2d', 'float32');
    const hf = convert(filter, 'filter', 'conv2d', 'float32');
    const p = convPad(pad);
    return wrap(CV.conv2d(hx, hf, convTuple(strides), p[0], p[1], p[2], dataFormat, convTuple(dilations),
        convRounding(dimRoundingMode)));
  });

tf.conv1d = (x, filter, stride, pad, dataFormat = 'NWC', dilation = 1, dimRoundingMode) =>
  scoped('conv1d', () => {
    const hx = convert(x, 'x', 'conv1d');
    const hf = convert(filter, 'filter', 'conv1d');
    const p = convPad(pad);
    return wrap(CV.conv1d(hx, hf, stride, p[0], p[1], p[2], dataFormat, dilation,
        convRounding(dimRoundingMode)));
  });

tf.depthwiseConv2d = (x, filter, strides, pad, dataFormat = 'NHWC', dilations = [1, 1], dimRoundingMode) =>
  scoped('depthwiseConv2d', () => {
    const hx = convert(x, 'x', 'depthwiseConv2d', 'float32');
    const hf = convert(filter, 'filter', 'depthwiseConv2d', 'float32');
    const p = convPad(pad);
    return wrap(CV.depthwiseConv2d(hx, hf, convTuple(strides), p[0], p[1], p[2], dataFormat,
        convTuple(dilations), convRounding(dimRoundingMode)));
  });

tf.separableConv2d = (x, depthwiseFilter, pointwiseFilter, strides, pad, dilation = [1, 1],
    dataFormat = 'NHWC') => scoped('separableConv2d', () => {
  const hx = convert(x, 'x', 'separableConv2d');
  const hd = convert(depthwiseFilter, 'depthwiseFilter', 'separableConv2d');
  const hp = convert(pointwiseFilter, 'pointwiseFilter', 'separableConv2d');
  const p = convPad(pad);
  return wrap(CV.separableConv2d(hx, hd, hp, convTuple(strides), p[0], p[1], p[2], convTuple(dilation),
      dataFormat));
});

tf.conv2dTranspose = (x, filter, outputShape, strides, pad, dimRoundingMode) =>
  scoped('conv2dTranspose', () => {
    const hx = convert(x, 'x', 'conv2dTranspose');
    const hf = convert(filter, 'filter', 'conv2dTranspose');
    const shape = outputShape instanceof Tensor ? Array.from(outputShape.dataSync()) : Array.from(outputShape);
    const p = convPad(pad);
    return wrap(CV.conv2dTranspose(hx, hf, shape, convTuple(strides), p[0], p[1], p[2],
        convRounding(dimRoundingMode)));
  });

chain('conv1d', 'conv2d', 'conv2dTranspose', 'depthwiseConv2d', 'separableConv2d');

// 3-D convolutions (NDHWC); TF.js has no tensor methods for them.
tf.conv3d = (x, filter, strides, pad, dataFormat = 'NDHWC', dilations = [1, 1, 1]) =>
  scoped('conv3d', () => {
    const hx = convert(x, 'x', 'conv3d');
    const hf = convert(filter, 'filter', 'conv3d');
    const p = convPad(pad);
    return wrap(CV.conv3d(hx, hf, convTuple(strides), p[0], p[1], p[2], String(dataFormat), convTuple(dilations)));
  });

tf.conv3dTranspose = (x, filter, outputShape, strides, pad) =>
  scoped('conv3dTranspose', () => {
    const hx = convert(x, 'x', 'conv3dTranspose');
    const hf = convert(filter, 'filter', 'conv3dTranspose');
    const shape = outputShape instanceof Tensor ? Array.from(outputShape.dataSync()) : Array.from(outputShape);
    const p = convPad(pad);
    return wrap(CV.conv3dTranspose(hx, hf, shape, convTuple(strides), p[0], p[1], p[2]));
  });

tf.dilation2d = (x, filter, strides, pad, dilations = [1, 1], dataFormat = 'NHWC') =>
  scoped('dilation2d', () => {
    const hx = convert(x, 'x', 'dilation2d');
    const hf = convert(filter, 'filter', 'dilation2d');
    const p = convPad(pad);
    return wrap(CV.dilation2d(hx, hf, convTuple(strides), p[0], p[1], p[2], convTuple(dilations),
        String(dataFormat)));
  });

chain('dilation2d');
