// Data-dependent ops: whereAsync, booleanMaskAsync, setdiff1dAsync, inTopKAsync (Promises, as in
// TF.js: they wait for the values, then compute in Java) and unique.
const SEL = N.SelectionBridge;

/**
 * TF.js's async functions: argument errors reject the Promise instead of throwing. `fn` runs at
 * once and may return a Promise.
 */
function asyncOp(fn) {
  return function() {
    const args = arguments;
    return new Promise((resolve) => resolve(fn.apply(null, args)));
  };
}

/** Resolves once the values of the handles can be read (on webgl: downloaded). */
function awaitValues(handles) {
  return Promise.all(handles.map((h) => wrap(h).data()));
}

/** Disposes handles converted from tensor-likes (not the caller's tensors). */
function disposeConverted(pairs) {
  pairs.forEach((p) => {
    if (!(p[0] instanceof Tensor)) {
      E.dispose(p[1]);
    }
  });
}

tf.whereAsync = asyncOp((condition) => {
  const h = convert(condition, 'condition', 'whereAsync', 'bool');
  return awaitValues([h]).then(() => {
    try {
      return wrap(SEL.where(h));
    } finally {
      disposeConverted([[condition, h]]);
    }
  });
});

tf.booleanMaskAsync = asyncOp((tensor, mask, axis) => {
  const ht = convert(tensor, 'tensor', 'boolMask');
  const hm = convert(mask, 'mask', 'boolMask', 'bool');
  return awaitValues([hm]).then(() => {
    try {
      return wrap(SEL.booleanMask(ht, hm, axis != null, axis == null ? 0 : axis));
    } finally {
      disposeConverted([[tensor, ht], [mask, hm]]);
    }
  });
});

tf.setdiff1dAsync = asyncOp((x, y) => {
  const hx = convert(x, 'x', 'setdiff1d');
  const hy = convert(y, 'y', 'setdiff1d');
  return awaitValues([hx, hy]).then(() => {
    try {
      return wrapAll(SEL.setdiff1d(hx, hy));
    } finally {
      disposeConverted([[x, hx], [y, hy]]);
    }
  });
});

tf.inTopKAsync = asyncOp((predictions, targets, k = 1) => {
  const hp = convert(predictions, 'predictions', 'inTopK');
  const ht = convert(targets, 'targets', 'inTopK');
  return awaitValues([hp, ht]).then(() => {
    try {
      return wrap(SEL.inTopK(hp, ht, k));
    } finally {
      disposeConverted([[predictions, hp], [targets, ht]]);
    }
  });
});

tf.unique = (x, axis = 0) => scoped('unique', () => {
  const r = SEL.unique(convert(x, 'x', 'unique', 'string_or_numeric'), axis);
  return {values: wrap(r[0]), indices: wrap(r[1])};
});
chain('unique');
