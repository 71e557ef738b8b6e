// Checks of the webgl backend's own API in the page (driven by WebGLBackendTest): the default
// backend, memory() fields, data() through a fence, dispose and the texture pool, warm-up with
// progress, and a lost context (forced with WEBGL_lose_context) and its recovery. Each check
// reports facts; the Java side asserts them.
(function() {
  const tf = window.samovar;

  function nextFrame() {
    return new Promise((r) => setTimeout(r, 20));
  }

  window.runWebGLApiChecks = async function() {
    const out = {};
    out.defaultBackend = tf.getBackend();
    await tf.setBackend('webgl');
    await tf.ready();
    out.backend = tf.getBackend();
    out.floatPrecision = tf.backend().floatPrecision();
    out.renderFloat32 = tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED');
    tf.env().set('WEBGL_CPU_FORWARD', false);

    // data() without blocking: the promise resolves after a fence; the page keeps running.
    const before = tf.memory();
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [2, 4]);
    const b = tf.tensor2d([1, 0, 0, 1, 2, 2, 3, -1], [4, 2]);
    const c = tf.matMul(a, b);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const p = c.data();
    out.dataIsPromise = p instanceof Promise;
    out.dataValues = Array.from(await p);
    clearInterval(timer);
    const c1 = tf.add(c, 1);
    out.dataSyncValues = Array.from(c1.dataSync());
    const m = tf.memory();
    out.memoryKeys = Object.keys(m);
    out.texturesWhileAlive = m.numTextures;
    out.bytesInGPUWhileAlive = m.numBytesInGPU;
    tf.dispose([a, b, c, c1]);
    tf.disposeVariables();
    const after = tf.memory();
    out.tensorsBefore = before.numTensors;
    out.tensorsAfter = after.numTensors;
    out.texturesAfterDispose = after.numTextures;
    out.freeTexturesAfterDispose = after.numTexturesFree;
    out.fallbacks = tf.webgl.fallbacks();

    // Warm-up: a fresh function (shapes not seen yet), then its first real call compiles nothing.
    const x = tf.zeros([1, 9, 9, 8]);
    const w = tf.ones([3, 3, 8, 12]);
    const bias = tf.ones([12]);
    const model = () => tf.tidy(() => tf.softmax(tf.fused.conv2d({x, filter: w, bias, strides: 1, pad: 'valid',
      activation: 'relu6'}).reshape([1, -1]).mul(0.25)));
    const progress = [];
    const r = await tf.webgl.warmUp(model, {onProgress: (f, info) => progress.push([f, info.compiled, info.total])});
    out.warmUpPrograms = r.programs;
    out.warmUpProgress = progress;
    const compiledBefore = tf.webgl.stats().compiled;
    const y = model();
    out.compiledByFirstCall = tf.webgl.stats().compiled - compiledBefore;
    out.firstCallValues = Array.from(y.dataSync());
    y.dispose();
    tf.dispose([x, w, bias]);

    // Lost context: errors, never garbage; restore() brings the backend back.
    const kept = tf.tensor1d([1, 2, 3]);
    const keptValues = kept.dataSync();
    const gpuOnly = tf.exp(tf.tensor1d([0, 1]));
    const ext = tf.webgl.getContext().getExtension('WEBGL_lose_context');
    out.hasLoseContext = !!ext;
    if (ext) {
      ext.loseContext();
      await nextFrame();
      out.lost = tf.webgl.isContextLost();
      try {
        gpuOnly.dataSync();
        out.readAfterLoss = 'no error';
      } catch (e) {
        out.readAfterLoss = e.message;
      }
      try {
        tf.exp(kept).dataSync();
        out.opAfterLoss = 'no error';
      } catch (e) {
        out.opAfterLoss = e.message;
      }
      out.restoreWhileLost = tf.webgl.restore();
      ext.restoreContext();
      for (let i = 0; i < 50 && tf.webgl.getContext().isContextLost(); i++) {
        await nextFrame();
      }
      out.restored = tf.webgl.restore();
      const k1 = tf.add(kept, 1);
      out.keptAfterRestore = Array.from(k1.dataSync());
      k1.dispose();
      out.keptValues = Array.from(keptValues);
    }
    tf.dispose([kept, gpuOnly]);
    return JSON.stringify(out);
  };
})();
