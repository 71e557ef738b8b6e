package dev.samovar.webgl;

import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.DataId;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The webgl backend: a buffer is a {@link TexData} (a texture, a CPU copy, or both); kernels are
 * {@link Program}s run by {@link #run}. Values are uploaded when a program first needs them and
 * downloaded when read: {@link #readSync} with readPixels, {@link #read} through a pixel-pack
 * buffer and a fence, without blocking the page.
 */
public final class WebGLBackend implements Backend {
    public static final String NAME = "webgl";

    private static WebGLBackend instance;

    final GpuContext ctx;
    final TextureManager textures;
    private final Map<String, CompiledProgram> programs = new HashMap<>();
    private int numDataIds;
    private double numBytes;
    /** Bytes of the textures that hold tensors (TF.js's numBytesInGPU). */
    private double numBytesInGPU;
    private Texture dummyFloat;
    private Texture dummyInt;

    /** TF.js's WEBGL_CPU_FORWARD: small kernels whose inputs are all on the CPU run there. */
    private boolean cpuForward = true;
    /** TF.js's CPU_HANDOFF_SIZE_THRESHOLD: "small" is at most this many elements per input. */
    private int cpuHandoffSize = 128;

    /** Warm-up: while collecting, programs are not run and their sources are gathered. */
    private boolean collecting;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final List<String> pendingKeys = new ArrayList<>();
    private int programsCompiled;
    private double compileMs;

    private WebGLBackend(GpuContext ctx) {
        this.ctx = ctx;
        this.textures = new TextureManager(ctx);
    }

    /** The backend (made by the provider when WebGL2 is there). */
    public static WebGLBackend get() {
        if (instance == null) {
            throw new IllegalStateException("The webgl backend is not available here");
        }
        return instance;
    }

    /** The backend if it was made, else null. */
    public static WebGLBackend getIfCreated() {
        return instance;
    }

    static WebGLBackend create(String[] why) {
        if (instance == null) {
            GpuContext ctx = GpuContext.create(why);
            if (ctx == null) {
                return null;
            }
            instance = new WebGLBackend(ctx);
        }
        return instance;
    }

    @Override
    public String name() {
        return NAME;
    }

    // ------------------------------------------------------------------------------- storage

    @Override
    public void write(DataId id, Object values, int[] shape, DType dtype) {
        TexData d = new TexData(id.size(), dtype, shape);
        d.values = values;
        id.payload = d;
        numDataIds++;
        numBytes += (double) id.size() * 4;
    }

    static TexData data(Tensor t) {
        return (TexData) t.dataId().payload;
    }

    @Override
    public Object readSync(DataId id) {
        TexData d = (TexData) id.payload;
        if (d.values != null) {
            return d.values;
        }
        if (d.compileOnly) {
            return d.isInt() ? new int[d.size] : new float[d.size];
        }
        if (d.texture == null) {
            d.values = d.isInt() ? new int[d.size] : new float[d.size];
            return d.values;
        }
        checkTexture(d);
        d.values = ctx.download(d.texture, d.size);
        return d.values;
    }

    @Override
    public void read(DataId id, Consumer<Object> callback) {
        read(id, callback, e -> {
            throw e;
        });
    }

    /**
     * Reads without blocking: readPixels into a pixel-pack buffer, a fence, then polls the fence
     * from timers; {@code callback} gets the values (also kept as the CPU copy) or
     * {@code onError} the reason (a lost context).
     */
    public void read(DataId id, Consumer<Object> callback, Consumer<RuntimeException> onError) {
        TexData d = (TexData) id.payload;
        if (d.values != null || d.compileOnly || d.texture == null) {
            callback.accept(readSync(id));
            return;
        }
        try {
            checkTexture(d);
        } catch (RuntimeException e) {
            onError.accept(e);
            return;
        }
        Gl gl = ctx.gl;
        Texture t = d.texture;
        int texels = (d.size + 3) / 4;
        JSObject buffer = gl.createBuffer();
        gl.bindBuffer(Gl.PIXEL_PACK_BUFFER, buffer);
        gl.bufferData(Gl.PIXEL_PACK_BUFFER, texels * 16, Gl.STREAM_READ);
        ctx.readInto(t, texels, null, true);
        gl.bindBuffer(Gl.PIXEL_PACK_BUFFER, null);
        JSObject sync = gl.fenceSync(Gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
        gl.flush();
        int generation = ctx.generation();
        poll(d, buffer, sync, generation, callback, onError, 0);
    }

    private void poll(TexData d, JSObject buffer, JSObject sync, int generation, Consumer<Object> callback,
            Consumer<RuntimeException> onError, int tries) {
        Js.setTimeout(() -> {
            if (ctx.isLost() || ctx.generation() != generation) {
                onError.accept(new WebGLContextLostException());
                return;
            }
            Gl gl = ctx.gl;
            int status = gl.clientWaitSync(sync, 0, 0);
            if (status != Gl.ALREADY_SIGNALED && status != Gl.CONDITION_SATISFIED) {
                poll(d, buffer, sync, generation, callback, onError, tries + 1);
                return;
            }
            gl.deleteSync(sync);
            Object values = d.values;
            if (values == null) {
                values = d.isInt() ? new int[d.size] : new float[d.size];
                ArrayBufferView view = d.isInt() ? Int32Array.fromJavaArray((int[]) values)
                        : Float32Array.fromJavaArray((float[]) values);
                gl.bindBuffer(Gl.PIXEL_PACK_BUFFER, buffer);
                gl.getBufferSubData(Gl.PIXEL_PACK_BUFFER, 0, view, 0, d.size);
                gl.bindBuffer(Gl.PIXEL_PACK_BUFFER, null);
                d.values = values;
            }
            gl.deleteBuffer(buffer);
            callback.accept(values);
        }, tries < 4 ? 0 : 1);
    }

    /** Throws when the texture was lost with the context and no CPU copy remains. */
    private void checkTexture(TexData d) {
        ctx.checkLost();
        if (d.texture != null && d.texture.generation != ctx.generation()) {
            throw new WebGLContextLostException();
        }
    }

    @Override
    public void disposeData(DataId id) {
        TexData d = (TexData) id.payload;
        if (d == null) {
            return;
        }
        releaseTexture(d);
        numDataIds--;
        numBytes -= (double) d.size * 4;
    }

    private void releaseTexture(TexData d) {
        if (d.texture != null) {
            if (!d.compileOnly) {
                numBytesInGPU -= d.texture.bytes();
                textures.release(d.texture);
            }
            d.texture = null;
        }
    }

    @Override
    public int numDataIds() {
        return numDataIds;
    }

    @Override
    public double numBytes() {
        return numBytes;
    }

    @Override
    public Map<String, Double> memoryFields() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("numBytesInGPU", numBytesInGPU);
        m.put("numBytesInGPUAllocated", textures.bytesUsed() + textures.bytesFree());
        m.put("numBytesInGPUFree", textures.bytesFree());
        // Scratch render targets of the block programs (four rows per fragment), at most a few sizes.
        m.put("numBytesInGPUScratch", ctx.blockTargetBytes());
        m.put("numTextures", (double) textures.numUsed());
        m.put("numTexturesFree", (double) textures.numFree());
        return m;
    }

    @Override
    public int floatPrecision() {
        return 32;
    }

    @Override
    public void dispose() {
        textures.clearFree();
        ctx.clearBlockTargets();
    }

    // ---------------------------------------------------------------------------- programs

    /** The texture of an input, uploading its values first when only the CPU holds them. */
    Texture ensureTexture(Tensor t) {
        TexData d = data(t);
        if (d.texture != null) {
            if (d.texture.generation != ctx.generation() && !d.compileOnly) {
                releaseTexture(d);
                if (d.values == null) {
                    throw new WebGLContextLostException();
                }
            } else {
                return d.texture;
            }
        }
        if (d.size == 0) {
            return dummy(d.isInt());
        }
        ctx.checkLost();
        int[] ts = Layout.texShape(d.shape, ctx.maxTextureSize);
        Texture tex = textures.acquire(ts[0], ts[1], d.isInt());
        Object v = d.values != null ? d.values : (d.isInt() ? new int[d.size] : new float[d.size]);
        ctx.upload(tex, v, d.size);
        d.texture = tex;
        numBytesInGPU += tex.bytes();
        return tex;
    }

    private Texture dummy(boolean isInt) {
        if (isInt) {
            if (dummyInt == null || dummyInt.generation != ctx.generation()) {
                dummyInt = ctx.createTexture(1, 1, true);
            }
            return dummyInt;
        }
        if (dummyFloat == null || dummyFloat.generation != ctx.generation()) {
            dummyFloat = ctx.createTexture(1, 1, false);
        }
        return dummyFloat;
    }

    /** Runs a program: a new tensor on the GPU. */
    Tensor run(Program p) {
        ctx.checkLost();
        int n = p.inputs.size();
        if (n > ctx.maxTextureUnits) {
            throw new IllegalStateException(p.name + ": " + n + " inputs, more than the " + ctx.maxTextureUnits
                    + " texture units of this GPU");
        }
        int size = 1;
        for (int d : p.outShape) {
            size *= d;
        }
        TexData out = new TexData(size, p.outDtype, p.outShape);
        if (size == 0) {
            out.values = p.outDtype == DType.FLOAT32 ? new float[0] : new int[0];
            return adopt(out, p.outShape);
        }
        Texture[] tex = new Texture[n];
        int[][] shapes = new int[n][];
        for (int i = 0; i < n; i++) {
            Tensor t = p.inputs.get(i);
            tex[i] = ensureTexture(t);
            shapes[i] = t.shapeRef();
        }
        boolean block = p.mode == Program.Mode.BLOCK;
        int[] ts;
        int[] partShape = null;
        if (block) {
            // Parts: one texel per fragment, C/4 wide and a row per block; assembled C wide.
            int c4 = p.outShape[p.outShape.length - 1] / 4;
            int h = (size / (c4 * 4) + Program.BLOCK_ROWS - 1) / Program.BLOCK_ROWS;
            partShape = new int[] {c4, h};
            ts = new int[] {c4 * Program.BLOCK_ROWS, h};
        } else if (p.outWidth > 0) {
            int texels = (size + 3) / 4;
            ts = new int[] {p.outWidth, (texels + p.outWidth - 1) / p.outWidth};
        } else {
            ts = Layout.texShape(p.outShape, ctx.maxTextureSize);
        }
        ShaderGen g = ShaderGen.keyOf(p, tex, shapes, ts[0], ts[1]);
        String key = g.key.toString();
        CompiledProgram cp = programs.get(key);
        if (collecting) {
            if (cp == null && !pending.containsKey(key)) {
                pending.put(key, ShaderGen.sourceOf(p, tex, shapes, ts[0], ts[1]));
                pendingKeys.add(key);
            }
            out.compileOnly = true;
            out.texture = new Texture(null, ts[0], ts[1], p.outDtype != DType.FLOAT32, ctx.generation());
            return adopt(out, p.outShape);
        }
        if (cp == null) {
            cp = compile(key, ShaderGen.sourceOf(p, tex, shapes, ts[0], ts[1]), true);
        }
        cp.ensureLinked(ctx);
        Texture target = textures.acquire(ts[0], ts[1], p.outDtype != DType.FLOAT32);
        if (block) {
            GpuContext.BlockTarget bt = ctx.blockTarget(partShape[0], partShape[1], Program.BLOCK_ROWS);
            ctx.bindBlockTarget(bt);
            draw(cp, g.uniforms, tex, null, partShape[0], partShape[1]);
            ctx.assembleBlocks(bt, target);
        } else {
            draw(cp, g.uniforms, tex, target, target.width, target.height);
        }
        out.texture = target;
        numBytesInGPU += target.bytes();
        return adopt(out, p.outShape);
    }

    private Tensor adopt(TexData d, int[] shape) {
        numDataIds++;
        numBytes += (double) d.size * 4;
        return Engine.get().makeTensorFromPayload(d, shape, d.dtype, this);
    }

    private CompiledProgram compile(String key, String source, boolean wait) {
        double t0 = Js.now();
        CompiledProgram cp = new CompiledProgram(ctx.compileProgram(source, false), source, ctx.generation());
        if (wait) {
            cp.ensureLinked(ctx);
        }
        compileMs += Js.now() - t0;
        programsCompiled++;
        programs.put(key, cp);
        return cp;
    }

    /** Draws into {@code target} (null: the attachments are set already) over {@code width x height} texels. */
    private void draw(CompiledProgram cp, ShaderGen.Uniforms u, Texture[] inputs, Texture target, int width,
            int height) {
        Gl gl = ctx.gl;
        gl.useProgram(cp.handle);
        for (int i = 0; i < inputs.length; i++) {
            gl.activeTexture(Gl.TEXTURE0 + i);
            gl.bindTexture(Gl.TEXTURE_2D, inputs[i].handle);
        }
        for (int i = 0; i < u.names.size(); i++) {
            JSObject loc = cp.location(gl, u.names.get(i));
            if (loc == null) {
                continue;
            }
            double[] v = u.values.get(i);
            switch (u.kinds.get(i)) {
                case 1:
                    gl.uniform1f(loc, v[0]);
                    break;
                case 2:
                    gl.uniform2f(loc, v[0], v[1]);
                    break;
                default:
                    gl.uniform1i(loc, (int) v[0]);
                    break;
            }
        }
        JSObject nan = cp.location(gl, "NAN");
        if (nan != null) {
            gl.uniform1f(nan, Double.NaN);
        }
        JSObject inf = cp.location(gl, "INFINITY");
        if (inf != null) {
            gl.uniform1f(inf, Double.POSITIVE_INFINITY);
        }
        if (target != null) {
            ctx.attach(target);
        }
        gl.viewport(0, 0, width, height);
        // No feedback loop: the target comes from the free pool, so no input of this draw is it
        // (units beyond the program's inputs are not sampled).
        gl.drawArrays(Gl.TRIANGLE_STRIP, 0, 4);
    }

    // ------------------------------------------------------------------------------ warm-up

    /** Starts collecting programs instead of running them (warm-up, first phase). */
    public void beginCollect() {
        pending.clear();
        pendingKeys.clear();
        collecting = true;
    }

    public void endCollect() {
        collecting = false;
    }

    public boolean isCollecting() {
        return collecting;
    }

    /** Programs collected and not compiled yet. */
    public int pendingCount() {
        return pendingKeys.size();
    }

    /**
     * Compiles collected program {@code i}; with KHR_parallel_shader_compile the link finishes in
     * the background (see {@link #pendingDone}).
     */
    public void compilePending(int i) {
        String key = pendingKeys.get(i);
        if (!programs.containsKey(key)) {
            compile(key, pending.get(key), ctx.parallelCompile == null);
        }
    }

    /** Whether collected program {@code i} finished linking. */
    public boolean pendingDone(int i) {
        CompiledProgram cp = programs.get(pendingKeys.get(i));
        return cp == null || ctx.linkDone(cp.handle);
    }

    public void clearPending() {
        pending.clear();
        pendingKeys.clear();
    }

    // ------------------------------------------------------------------------------- status

    public boolean cpuForward() {
        return cpuForward;
    }

    public void setCpuForward(boolean on) {
        cpuForward = on;
    }

    public int cpuHandoffSize() {
        return cpuHandoffSize;
    }

    public void setCpuHandoffSize(int n) {
        cpuHandoffSize = n;
    }

    /** The texture of a tensor's data, uploading it first if needed (kernels that inspect the layout). */
    public int textureWidth(Tensor t) {
        return ensureTexture(t).width;
    }

    public int numPrograms() {
        return programs.size();
    }

    public int programsCompiled() {
        return programsCompiled;
    }

    public double compileMs() {
        return compileMs;
    }

    public int numTextures() {
        return textures.numUsed();
    }

    public int numTexturesFree() {
        return textures.numFree();
    }

    public String renderer() {
        return ctx.renderer;
    }

    public int maxTextureSize() {
        return ctx.maxTextureSize;
    }

    /** Render targets one draw can write (at least 4 in WebGL2). */
    public int maxDrawBuffers() {
        return ctx.maxDrawBuffers;
    }

    public boolean parallelCompile() {
        return ctx.parallelCompile != null;
    }

    public boolean isContextLost() {
        return ctx.isLost();
    }

    /** The WebGL2RenderingContext itself (TF.js: backend.getGPGPUContext().gl). */
    public JSObject glContext() {
        return ctx.gl;
    }

    /**
     * Starts over after a lost context (once the browser restored it): GL objects are remade,
     * programs recompiled on demand; tensors whose only copy was on the GPU stay unreadable, tensors
     * with a CPU copy upload again. Returns false while the context is still lost.
     */
    public boolean restore() {
        if (ctx.gl.isContextLost()) {
            return false;
        }
        programs.clear();
        textures.forgetFree();
        dummyFloat = null;
        dummyInt = null;
        ctx.reinit();
        return true;
    }

    /** Deletes the free textures of the pool (memory back to the GPU). */
    public void releaseFreeTextures() {
        textures.clearFree();
        ctx.clearBlockTargets();
    }
}
