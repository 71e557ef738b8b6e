// Automatic differentiation and variables: tf.grad, grads, valueAndGrad(s), variableGrads,
// customGrad, tf.variable. f is JS, so the JS side records it between startTape and endTape; the
// backward pass, the checks and every gradient are Java.
const TR = N.TrainBridge;

/** TF.js's Variable: a Tensor whose value assign() replaces. */
function Variable(handle) {
  Tensor.call(this, handle);
}
Variable.prototype = Object.create(Tensor.prototype);
Variable.prototype.constructor = Variable;

Object.defineProperty(Variable.prototype, 'name', {get() {
  return TR.variableName(this._h);
}});

Object.defineProperty(Variable.prototype, 'trainable', {
  get() {
    return TR.trainable(this._h);
  },
  set(value) {
    TR.setTrainable(this._h, !!value);
  },
});

Variable.prototype.assign = function(newValue) {
  this.throwIfDisposed();
  if (!(newValue instanceof Tensor)) {
    throw new Error('The new value passed to assign() must be a Tensor');
  }
  TR.assign(this._h, newValue._h);
};

tf.Variable = Variable;

function wrapVariable(handle) {
  let v = handle[WRAPPER];
  if (v === undefined) {
    v = new Variable(handle);
    handle[WRAPPER] = v;
  }
  return v;
}

/** The JS wrapper of a handle that may be a variable. */
function wrapAny(handle) {
  return TR.isVariable(handle) ? wrapVariable(handle) : wrap(handle);
}

tf.variable = (initialValue, trainable = true, name, dtype) => scoped('variable', () => {
  const h = convert(initialValue, 'initialValue', 'variable', 'string_or_numeric');
  if (dtype != null) {
    checkNotString(dtype);
  }
  return wrapVariable(TR.makeVariable(h, trainable !== false, name == null ? null : String(name),
      dtype == null ? null : dtype));
});

tf.disposeVariables = () => TR.disposeVariables();

function handlesOf(tensors) {
  return toList(tensors.map((t) => t._h));
}

/** TF.js's ENGINE.gradients: records f, then backpropagates to each x. */
function engineGradients(f, xs, dy, allowNoGradients) {
  TR.checkGradientArgs(handlesOf(xs), dy == null ? null : dy._h);
  TR.startTape();
  let y;
  let ok = false;
  try {
    y = tf.tidy('forward', f);
    ok = true;
  } finally {
    TR.endTape();
    if (!ok) {
      TR.abandonTape();
    }
  }
  if (!(y instanceof Tensor)) {
    TR.abandonTape();
    throw new Error('The result y returned by f() must be a tensor.');
  }
  const grads = TR.backprop(y._h, handlesOf(xs), dy == null ? null : dy._h, !!allowNoGradients);
  return {value: y, grads: Array.from(grads, (g) => (g == null ? null : wrap(g)))};
}

function checkGrads(grads) {
  if (grads.some((g) => g == null)) {
    throw new Error('Cannot compute gradient of y=f(x) with respect to x. Make sure that\n' +
        '    the f you passed encloses all operations that lead from x to y.');
  }
}

function assertShapesMatch(a, b, prefix) {
  assert(a.length === b.length && a.every((d, i) => d === b[i]),
      () => `${prefix} Shapes ${a} and ${b} must match`);
}

tf.grad = function(f) {
  assert(typeof f === 'function', 'The f passed in grad(f) must be a function');
  return (x, dy) => {
    const $x = wrap(convert(x, 'x', 'tf.grad', 'string_or_numeric'));
    const $dy = dy != null ? wrap(convert(dy, 'dy', 'tf.grad')) : null;
    return tf.tidy(() => {
      const {value, grads} = engineGradients(() => f($x), [$x], $dy);
      if ($dy != null) {
        assertShapesMatch(value.shape, $dy.shape, 'The shape of dy passed in grad(f)(x, dy) must match the ' +
            'shape returned by f(x)');
      }
      checkGrads(grads);
      return grads[0];
    });
  };
};

tf.grads = function(f) {
  assert(typeof f === 'function', 'The f passed in grads(f) must be a function');
  return (args, dy) => {
    assert(Array.isArray(args), 'The args passed in grads(f)(args) must be an array of `Tensor`s or ' +
        '`TensorLike`s');
    const $args = convertList(args, 'args', 'tf.grads', 'string_or_numeric').map(wrap);
    const $dy = dy != null ? wrap(convert(dy, 'dy', 'tf.grads')) : null;
    return tf.tidy(() => {
      const {value, grads} = engineGradients(() => f.apply(null, $args), $args, $dy);
      if ($dy != null) {
        assertShapesMatch(value.shape, $dy.shape, 'The shape of dy passed in grads(f)([x1,...], dy) must ' +
            'match the shape returned by f([x1,...])');
      }
      checkGrads(grads);
      return grads;
    });
  };
};

tf.valueAndGrad = function(f) {
  assert(typeof f === 'function', 'The f passed in valueAndGrad(f) must be a function');
  return (x, dy) => {
    assert(x instanceof Tensor, 'The x passed in valueAndGrad(f)(x) must be a tensor');
    assert(dy == null || dy instanceof Tensor, 'The dy passed in valueAndGrad(f)(x, dy) must be a tensor');
    const {grads, value} = engineGradients(() => f(x), [x], dy);
    checkGrads(grads);
    return {grad: grads[0], value};
  };
};

tf.valueAndGrads = function(f) {
  assert(typeof f === 'function', 'The f passed in valueAndGrads(f) must be a function');
  return (args, dy) => {
    assert(Array.isArray(args) && args.every((arg) => arg instanceof Tensor),
        'The args passed in valueAndGrads(f)(args) must be array of tensors');
    assert(dy == null || dy instanceof Tensor, 'The dy passed in valueAndGrads(f)(args, dy) must be a tensor');
    const res = engineGradients(() => f.apply(null, args), args, dy);
    if (dy != null) {
      assertShapesMatch(res.value.shape, dy.shape, 'The shape of dy passed in valueAndGrads(f)([x1,...], dy) ' +
          'must match the shape returned by f([x1,...])');
    }
    checkGrads(res.grads);
    return res;
  };
};

tf.variableGrads = function(f, varList) {
  assert(typeof f === 'function', 'The f passed in variableGrads(f) must be a function');
  assert(varList == null || Array.isArray(varList) && varList.every((v) => v instanceof Variable),
      'The varList passed in variableGrads(f, varList) must be an array of variables');
  const specifiedVarList = varList != null;
  if (!specifiedVarList) {
    varList = Array.from(TR.registeredVariables(), wrapVariable);
  }
  const specifiedNonTrainable = specifiedVarList ? varList.filter((v) => !v.trainable) : null;
  const originalVarCount = varList.length;
  varList = varList.filter((v) => v.trainable);
  assert(varList.length > 0, `variableGrads() expects at least one of the input variables to be trainable, ` +
      `but none of the ${originalVarCount} variables is trainable.`);
  const {value, grads} = engineGradients(f, varList, null, true);
  assert(grads.some((g) => g != null), 'Cannot find a connection between any variable and the result of the ' +
      'loss function y=f(x). Please make sure the operations that use variables are inside the function f ' +
      'passed to minimize().');
  assert(value.rank === 0, `The f passed in variableGrads(f) must return a scalar, but it returned a ` +
      `rank-${value.rank} tensor`);
  const namedGrads = {};
  varList.forEach((v, i) => {
    if (grads[i] != null) {
      namedGrads[v.name] = grads[i];
    }
  });
  if (specifiedNonTrainable != null) {
    specifiedNonTrainable.forEach((v) => {
      namedGrads[v.name] = null;
    });
  }
  return {value, grads: namedGrads};
};

tf.customGrad = function(f) {
  assert(typeof f === 'function', 'The f passed in customGrad(f) must be a function.');
  return (...inputs) => {
    assert(inputs.every((t) => t instanceof Tensor),
        'The args passed in customGrad(f)(x1, x2,...) must all be tensors');
    let res;
    const save = (tensors) => TR.customSave(handlesOf(tensors));
    const forward = () => {
      res = f.apply(null, inputs.concat([save]));
      assert(res != null && res.value instanceof Tensor, 'The function f passed in customGrad(f) must return an ' +
          'object where `obj.value` is a tensor');
      assert(typeof res.gradFunc === 'function', 'The function f passed in customGrad(f) must return an object ' +
          'where `obj.gradFunc` is a function.');
      return res.value._h;
    };
    const backward = (dyHandle, savedHandles) => {
      const gradRes = res.gradFunc(wrap(dyHandle), Array.from(savedHandles, wrap));
      const grads = Array.isArray(gradRes) ? gradRes : [gradRes];
      assert(grads.length === inputs.length, 'The function f passed in customGrad(f) must return an object ' +
          'where `obj.gradFunc` is a function that returns the same number of tensors as inputs passed to f(...).');
      assert(grads.every((t) => t instanceof Tensor), 'The function f passed in customGrad(f) must return an ' +
          'object where `obj.gradFunc` is a function that returns a list of only tensors.');
      return handlesOf(grads);
    };
    return wrap(TR.runCustom(handlesOf(inputs), forward, backward));
  };
};
