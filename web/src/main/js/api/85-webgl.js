// ---------------------------------------------------------------------------------------------
// samovar.webgl: the WebGL2 backend's own API. Warm-up (compile a model's programs before its first
// predict, with progress), lost-context recovery, counters. The math is Java (dev.samovar.webgl).
// ---------------------------------------------------------------------------------------------

const WG = N.WebGLBridge;

function webglActive() {
  return tf.getBackend() === 'webgl';
}

/** Zero inputs for a model from options.inputShape(s) or the model's own input shapes (batch 1). */
function warmUpInputs(model, options) {
  if (options.inputs != null) {
    return {tensors: options.inputs, own: false};
  }
  let shapes = options.inputShape ? [options.inputShape] : options.inputShapes;
  if (!shapes) {
    const ins = model.inputs;
    if (!ins || !ins.length || !ins.every((i) => i && i.shape)) {
      throw new Error('warmUp(model): pass options.inputs or options.inputShape (the model does not ' +
          'say its input shapes)');
    }
    shapes = ins.map((i) => i.shape);
  }
  const dtypes = options.dtypes || (model.inputs || []).map((i) => i && i.dtype);
  const tensors = shapes.map((s, k) => tf.zeros(s.map((d) => (d == null || d < 0 ? 1 : d)),
      dtypes[k] || 'float32'));
  return {tensors: tensors.length === 1 ? tensors[0] : tensors, own: true};
}

function runForWarmUp(model, options) {
  if (typeof model === 'function') {
    return model();
  }
  const fn = typeof model.predict === 'function' ? 'predict' :
    (typeof model.execute === 'function' ? 'execute' : null);
  if (fn == null) {
    throw new Error('warmUp(model): model must be a function or have predict() or execute()');
  }
  const inputs = warmUpInputs(model, options);
  try {
    return model[fn](inputs.tensors);
  } finally {
    if (inputs.own) {
      tf.dispose(inputs.tensors);
    }
  }
}

function nextTick() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

tf.webgl = {
  /**
   * Compiles the programs a model (or a function) needs before its first real call, reporting
   * progress. The model runs once in a dry mode in which kernels only gather their programs (no GPU
   * work; outputs are placeholders that read as zeros); then each program not compiled yet is
   * compiled, one per task, so the page stays responsive. Options: `inputs` (tensors to pass),
   * `inputShape` / `inputShapes` (zeros of those shapes; default: the model's input shapes with
   * batch 1), `onProgress(fraction, {compiled, total})`. Resolves to {programs, ms}. On another
   * backend it resolves at once with programs: 0.
   */
  warmUp: function(model, options = {}) {
    if (typeof options === 'function') {
      options = {onProgress: options};
    }
    const start = performance.now();
    if (!webglActive()) {
      return Promise.resolve({programs: 0, ms: 0, backend: tf.getBackend()});
    }
    const onProgress = options.onProgress || (() => {});
    WG.beginCollect();
    try {
      tf.tidy(() => {
        runForWarmUp(model, options);
      });
    } finally {
      WG.endCollect();
    }
    const total = WG.pendingCount();
    const parallel = tf.env().getBool('WEBGL_PARALLEL_COMPILE');
    onProgress(total === 0 ? 1 : 0, {compiled: 0, total});
    // No async/await here: this file also loads in HtmlUnit, whose engine lacks them.
    let i = 0;
    const compileNext = () => {
      if (i >= total) {
        return parallel ? waitLinked(0) : Promise.resolve();
      }
      WG.compilePending(i);
      i++;
      if (!parallel) {
        onProgress(i / total, {compiled: i, total});
      }
      return nextTick().then(compileNext);
    };
    const waitLinked = (k) => {
      if (k >= total) {
        return Promise.resolve();
      }
      if (!WG.pendingDone(k)) {
        return nextTick().then(() => waitLinked(k));
      }
      onProgress((k + 1) / total, {compiled: k + 1, total});
      return waitLinked(k + 1);
    };
    return compileNext().then(() => {
      WG.clearPending();
      return {programs: total, ms: performance.now() - start};
    }, (e) => {
      WG.clearPending();
      throw e;
    });
  },

  /** Whether the browser took the WebGL context away (then GPU-only tensors cannot be read). */
  isContextLost: () => WG.available() && WG.isContextLost(),

  /**
   * After a lost context, once the browser restored it: remakes the GL state (programs recompile on
   * demand). Tensors that were only on the GPU stay unreadable (dispose and recompute them); those
   * read back before, or made from JS values, still work. Returns false while still lost.
   */
  restore: () => WG.restore(),

  /** The WebGL2RenderingContext the backend draws with. */
  getContext: () => WG.glContext(),

  /** Counters: programs cached, compiled, ms spent compiling, textures in use and free, renderer. */
  stats: () => {
    const s = WG.stats();
    return {programs: s[0], compiled: s[1], compileMs: s[2], numTextures: s[3], numTexturesFree: s[4],
      renderer: WG.renderer()};
  },

  /** Deletes the pooled free textures (their GPU memory goes back to the browser). */
  releaseFreeTextures: () => WG.releaseFreeTextures(),

  /**
   * Kernels that ran on the cpu backend while webgl was active, with call counts: {Kernel: n}.
   * A name ending in " (some inputs)" is a webgl kernel that hands some cases (an int dtype, NCHW...)
   * to the cpu. `reset` forgets the counts.
   */
  fallbacks: (reset) => {
    const out = {};
    Array.from(WG.fallbacks()).forEach((s) => {
      const i = s.lastIndexOf('=');
      out[s.substring(0, i)] = Number(s.substring(i + 1));
    });
    if (reset) {
      WG.resetFallbacks();
    }
    return out;
  },

  /** Whether the webgl backend can run in this browser. */
  isAvailable: () => WG.available(),
};
