package dev.samovar.webgl;

import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The WebGL2 context and the few GL objects every program shares: a framebuffer that each draw
 * attaches its output texture to, and a full-viewport quad. All GL calls of the backend go through
 * here or through {@link Gl} on {@link #gl}; each public entry point checks for a lost context first.
 */
final class GpuContext {
    static final String VERTEX_SHADER = "#version 300 es\nin vec2 clipXY;\n"
            + "void main() { gl_Position = vec4(clipXY, 0.0, 1.0); }\n";

    final JSObject canvas;
    Gl gl;
    final int maxTextureSize;
    final int maxTextureUnits;
    final String renderer;
    private JSObject framebuffer;
    /** A second framebuffer: the destination of the blits that assemble a block program's output. */
    private JSObject blitFramebuffer;
    /** Color attachments a fragment shader can write at once (WebGL2 guarantees 4). */
    int maxDrawBuffers;
    private JSObject vertexShader;
    /** KHR_parallel_shader_compile, or null. */
    JSObject parallelCompile;
    private int generation = 1;
    private boolean lost;
    /** The output texture attached to the framebuffer now (to skip re-attaching). */
    private Texture attached;

    private GpuContext(JSObject canvas, Gl gl, int maxTextureSize, int maxTextureUnits, String renderer) {
        this.canvas = canvas;
        this.gl = gl;
        this.maxTextureSize = maxTextureSize;
        this.maxTextureUnits = maxTextureUnits;
        this.renderer = renderer;
    }

    /**
     * A context with float32 render targets, or null with {@code why[0]} saying what is missing:
     * WebGL2, EXT_color_buffer_float, or 32-bit float precision in fragment shaders.
     */
    static GpuContext create(String[] why) {
        if (!Js.hasCanvas()) {
            why[0] = "no canvas (not a browser page or worker)";
            return null;
        }
        JSObject canvas = Js.createCanvas();
        Gl gl = Js.getContext(canvas);
        if (gl == null || Js.isNull(gl)) {
            why[0] = "WebGL2 is not available";
            return null;
        }
        if (Js.isNull(gl.getExtension("EXT_color_buffer_float"))) {
            why[0] = "EXT_color_buffer_float is not available (float32 textures cannot be rendered to)";
            return null;
        }
        int fp = Js.precisionOf(gl.getShaderPrecisionFormat(Gl.FRAGMENT_SHADER, Gl.HIGH_FLOAT));
        if (fp < 23) {
            why[0] = "fragment shaders compute with " + (fp + 1) + "-bit float mantissas, not 24 (float32)";
            return null;
        }
        int maxSize = gl.getParameter(Gl.MAX_TEXTURE_SIZE);
        int units = gl.getParameter(Gl.MAX_TEXTURE_IMAGE_UNITS);
        GpuContext ctx = new GpuContext(canvas, gl, Math.min(maxSize, 16384), units, Js.renderer(gl));
        ctx.init();
        if (!ctx.probe()) {
            why[0] = "RGBA32F render targets are incomplete";
            return null;
        }
        Js.onContextEvents(canvas, () -> ctx.lost = true, () -> { });
        return ctx;
    }

    private void init() {
        // Extensions are enabled per context: after a restored context, float32 render targets
        // must be asked for again (else every draw into an RGBA32F texture silently does nothing).
        gl.getExtension("EXT_color_buffer_float");
        JSObject ext = gl.getExtension("KHR_parallel_shader_compile");
        parallelCompile = Js.isNull(ext) ? null : ext;
        gl.disable(Gl.DEPTH_TEST);
        gl.disable(Gl.STENCIL_TEST);
        gl.disable(Gl.BLEND);
        gl.disable(Gl.DITHER);
        gl.disable(Gl.POLYGON_OFFSET_FILL);
        gl.disable(Gl.SAMPLE_COVERAGE);
        gl.disable(Gl.SCISSOR_TEST);
        gl.disable(Gl.CULL_FACE);
        gl.pixelStorei(Gl.UNPACK_ALIGNMENT, 1);
        gl.pixelStorei(Gl.PACK_ALIGNMENT, 1);
        JSObject vao = gl.createVertexArray();
        gl.bindVertexArray(vao);
        JSObject quad = gl.createBuffer();
        gl.bindBuffer(Gl.ARRAY_BUFFER, quad);
        Float32Array corners = new Float32Array(8);
        float[] xy = {-1, -1, 1, -1, -1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            corners.set(i, xy[i]);
        }
        gl.bufferData(Gl.ARRAY_BUFFER, corners, Gl.STATIC_DRAW);
        gl.enableVertexAttribArray(0);
        gl.vertexAttribPointer(0, 2, Gl.FLOAT, false, 0, 0);
        blitFramebuffer = gl.createFramebuffer();
        framebuffer = gl.createFramebuffer();
        gl.bindFramebuffer(Gl.FRAMEBUFFER, framebuffer);
        maxDrawBuffers = Math.min(gl.getParameter(Gl.MAX_DRAW_BUFFERS), gl.getParameter(Gl.MAX_COLOR_ATTACHMENTS));
        vertexShader = gl.createShader(Gl.VERTEX_SHADER);
        gl.shaderSource(vertexShader, VERTEX_SHADER);
        gl.compileShader(vertexShader);
        attached = null;
    }

    /** Whether an RGBA32F texture can be rendered to. */
    private boolean probe() {
        Texture t = createTexture(1, 1, false);
        attach(t);
        boolean ok = gl.checkFramebufferStatus(Gl.FRAMEBUFFER) == Gl.FRAMEBUFFER_COMPLETE;
        Texture ti = createTexture(1, 1, true);
        attach(ti);
        ok &= gl.checkFramebufferStatus(Gl.FRAMEBUFFER) == Gl.FRAMEBUFFER_COMPLETE;
        attach(null);
        deleteTexture(t);
        deleteTexture(ti);
        return ok;
    }

    int generation() {
        return generation;
    }

    boolean isLost() {
        if (!lost && gl.isContextLost()) {
            lost = true;
        }
        return lost;
    }

    /** Throws the error a user sees when the GPU's data is gone. */
    void checkLost() {
        if (isLost()) {
            throw new WebGLContextLostException();
        }
    }

    /**
     * After the context came back (the browser restored it) or to start over: every GL object is
     * remade; textures of the old generation are gone.
     */
    void reinit() {
        blockTargets.clear();
        generation++;
        lost = false;
        init();
        if (!probe()) {
            lost = true;
            throw new IllegalStateException("WebGL context restored without float32 render targets: use "
                    + "tf.setBackend('cpu')");
        }
    }

    Texture createTexture(int width, int height, boolean isInt) {
        JSObject tex = gl.createTexture();
        gl.bindTexture(Gl.TEXTURE_2D, tex);
        gl.texParameteri(Gl.TEXTURE_2D, Gl.TEXTURE_MIN_FILTER, Gl.NEAREST);
        gl.texParameteri(Gl.TEXTURE_2D, Gl.TEXTURE_MAG_FILTER, Gl.NEAREST);
        gl.texParameteri(Gl.TEXTURE_2D, Gl.TEXTURE_WRAP_S, Gl.CLAMP_TO_EDGE);
        gl.texParameteri(Gl.TEXTURE_2D, Gl.TEXTURE_WRAP_T, Gl.CLAMP_TO_EDGE);
        gl.texStorage2D(Gl.TEXTURE_2D, 1, isInt ? Gl.RGBA32I : Gl.RGBA32F, width, height);
        return new Texture(tex, width, height, isInt, generation);
    }

    void deleteTexture(Texture t) {
        if (t.generation == generation && !lost) {
            if (attached == t) {
                attach(null);
            }
            gl.deleteTexture(t.handle);
        }
    }

    void attach(Texture t) {
        if (attached != t) {
            gl.framebufferTexture2D(Gl.FRAMEBUFFER, Gl.COLOR_ATTACHMENT0, Gl.TEXTURE_2D, t == null ? null : t.handle, 0);
            attached = t;
        }
    }

    /** A framebuffer with its own four part textures of one size, attached once (see {@link #blockTarget}). */
    static final class BlockTarget {
        final JSObject framebuffer;
        final Texture[] parts;
        int lastUse;

        BlockTarget(JSObject framebuffer, Texture[] parts) {
            this.framebuffer = framebuffer;
            this.parts = parts;
        }
    }

    /** Block targets by part size, the least recently used dropped beyond {@link #MAX_BLOCK_TARGETS}. */
    private final java.util.Map<Long, BlockTarget> blockTargets = new java.util.HashMap<>();
    private int blockUses;
    static final int MAX_BLOCK_TARGETS = 8;

    /**
     * The render target of a block draw whose parts are {@code width x height}: a framebuffer with
     * {@code n} float textures attached as color attachments 0..n-1, all enabled as draw buffers.
     * Kept per size (attaching textures anew on every draw costs more than the draw on ANGLE).
     */
    BlockTarget blockTarget(int width, int height, int n) {
        long key = ((long) width << 32) | height;
        BlockTarget bt = blockTargets.get(key);
        if (bt == null || bt.parts[0].generation != generation) {
            if (blockTargets.size() >= MAX_BLOCK_TARGETS) {
                Long oldest = null;
                for (java.util.Map.Entry<Long, BlockTarget> e : blockTargets.entrySet()) {
                    if (oldest == null || e.getValue().lastUse < blockTargets.get(oldest).lastUse) {
                        oldest = e.getKey();
                    }
                }
                deleteBlockTarget(blockTargets.remove(oldest));
            }
            Texture[] parts = new Texture[n];
            for (int q = 0; q < n; q++) {
                parts[q] = createTexture(width, height, false);
            }
            JSObject fb = gl.createFramebuffer();
            gl.bindFramebuffer(Gl.FRAMEBUFFER, fb);
            for (int q = 0; q < n; q++) {
                gl.framebufferTexture2D(Gl.FRAMEBUFFER, Gl.COLOR_ATTACHMENT0 + q, Gl.TEXTURE_2D, parts[q].handle, 0);
            }
            Js.drawBuffers(gl, n);
            gl.bindFramebuffer(Gl.FRAMEBUFFER, framebuffer);
            bt = new BlockTarget(fb, parts);
            blockTargets.put(key, bt);
        }
        bt.lastUse = ++blockUses;
        return bt;
    }

    private void deleteBlockTarget(BlockTarget bt) {
        if (bt != null && bt.parts[0].generation == generation && !lost) {
            gl.deleteFramebuffer(bt.framebuffer);
            for (Texture t : bt.parts) {
                gl.deleteTexture(t.handle);
            }
        }
    }

    /** Deletes the block targets (their textures are scratch space, remade on demand). */
    void clearBlockTargets() {
        for (BlockTarget bt : blockTargets.values()) {
            deleteBlockTarget(bt);
        }
        blockTargets.clear();
    }

    /** Bytes of the block targets' textures. */
    double blockTargetBytes() {
        double b = 0;
        for (BlockTarget bt : blockTargets.values()) {
            for (Texture t : bt.parts) {
                b += t.bytes();
            }
        }
        return b;
    }

    /** Makes a block target the draw target (the shared framebuffer comes back with {@link #assembleBlocks}). */
    void bindBlockTarget(BlockTarget bt) {
        gl.bindFramebuffer(Gl.FRAMEBUFFER, bt.framebuffer);
    }

    /**
     * Copies the parts of a block draw side by side into {@code target} (part q to x from
     * {@code q * width}), then binds the shared framebuffer again.
     */
    void assembleBlocks(BlockTarget bt, Texture target) {
        Texture[] parts = bt.parts;
        int w = parts[0].width;
        int h = parts[0].height;
        gl.bindFramebuffer(Gl.DRAW_FRAMEBUFFER, blitFramebuffer);
        gl.framebufferTexture2D(Gl.DRAW_FRAMEBUFFER, Gl.COLOR_ATTACHMENT0, Gl.TEXTURE_2D, target.handle, 0);
        for (int q = 0; q < parts.length; q++) {
            gl.readBuffer(Gl.COLOR_ATTACHMENT0 + q);
            gl.blitFramebuffer(0, 0, w, h, q * w, 0, (q + 1) * w, h, Gl.COLOR_BUFFER_BIT, Gl.NEAREST);
        }
        gl.framebufferTexture2D(Gl.DRAW_FRAMEBUFFER, Gl.COLOR_ATTACHMENT0, Gl.TEXTURE_2D, null, 0);
        gl.bindFramebuffer(Gl.FRAMEBUFFER, framebuffer);
    }

    /**
     * Uploads {@code n} values (the first n of {@code values}, n &lt;= width*height*4) row by row:
     * whole rows, then the last partial row, then a last partial texel through a 4-value copy.
     */
    void upload(Texture t, Object values, int n) {
        gl.bindTexture(Gl.TEXTURE_2D, t.handle);
        boolean isInt = values instanceof int[];
        org.teavm.jso.typedarrays.ArrayBufferView view = isInt ? Int32Array.fromJavaArray((int[]) values)
                : Float32Array.fromJavaArray((float[]) values);
        int format = isInt ? Gl.RGBA_INTEGER : Gl.RGBA;
        int type = isInt ? Gl.INT : Gl.FLOAT;
        int fullTexels = n / 4;
        int fullRows = fullTexels / t.width;
        if (fullRows > 0) {
            gl.texSubImage2D(Gl.TEXTURE_2D, 0, 0, 0, t.width, fullRows, format, type, view, 0);
        }
        int rest = fullTexels - fullRows * t.width;
        if (rest > 0) {
            gl.texSubImage2D(Gl.TEXTURE_2D, 0, 0, fullRows, rest, 1, format, type, view, fullRows * t.width * 4);
        }
        int tail = n - fullTexels * 4;
        if (tail > 0) {
            int x = fullTexels % t.width;
            int y = fullTexels / t.width;
            if (isInt) {
                Int32Array last = new Int32Array(4);
                for (int i = 0; i < tail; i++) {
                    last.set(i, ((int[]) values)[fullTexels * 4 + i]);
                }
                gl.texSubImage2D(Gl.TEXTURE_2D, 0, x, y, 1, 1, format, type, last, 0);
            } else {
                Float32Array last = new Float32Array(4);
                for (int i = 0; i < tail; i++) {
                    last.set(i, ((float[]) values)[fullTexels * 4 + i]);
                }
                gl.texSubImage2D(Gl.TEXTURE_2D, 0, x, y, 1, 1, format, type, last, 0);
            }
        }
    }

    /** Reads the first {@code n} values of a texture (blocks until the GPU is done). */
    Object download(Texture t, int n) {
        attach(t);
        boolean isInt = t.isInt;
        int fullTexels = n / 4;
        int tail = n - fullTexels * 4;
        // Room for whole texels; trimmed below when n is not a multiple of 4.
        int len = (fullTexels + (tail > 0 ? 1 : 0)) * 4;
        Object out = isInt ? new int[len] : new float[len];
        org.teavm.jso.typedarrays.ArrayBufferView view = isInt ? Int32Array.fromJavaArray((int[]) out)
                : Float32Array.fromJavaArray((float[]) out);
        readInto(t, fullTexels + (tail > 0 ? 1 : 0), view, false);
        if (len != n) {
            out = isInt ? java.util.Arrays.copyOf((int[]) out, n) : java.util.Arrays.copyOf((float[]) out, n);
        }
        return out;
    }

    /**
     * readPixels of the first {@code texels} texels (attached texture) into {@code view} from
     * element 0, or, when {@code intoPackBuffer}, into the bound PIXEL_PACK_BUFFER from byte 0.
     */
    void readInto(Texture t, int texels, org.teavm.jso.typedarrays.ArrayBufferView view, boolean intoPackBuffer) {
        attach(t);
        int format = t.isInt ? Gl.RGBA_INTEGER : Gl.RGBA;
        int type = t.isInt ? Gl.INT : Gl.FLOAT;
        int fullRows = texels / t.width;
        int rest = texels - fullRows * t.width;
        if (intoPackBuffer) {
            if (fullRows > 0) {
                gl.readPixels(0, 0, t.width, fullRows, format, type, 0);
            }
            if (rest > 0) {
                gl.readPixels(0, fullRows, rest, 1, format, type, fullRows * t.width * 16);
            }
        } else {
            if (fullRows > 0) {
                gl.readPixels(0, 0, t.width, fullRows, format, type, view, 0);
            }
            if (rest > 0) {
                gl.readPixels(0, fullRows, rest, 1, format, type, view, fullRows * t.width * 4);
            }
        }
    }

    /** Compiles and links a fragment shader with the shared vertex shader (throws with the GLSL log). */
    JSObject compileProgram(String fragmentSource, boolean waitForLink) {
        JSObject fs = gl.createShader(Gl.FRAGMENT_SHADER);
        gl.shaderSource(fs, fragmentSource);
        gl.compileShader(fs);
        JSObject program = gl.createProgram();
        gl.attachShader(program, vertexShader);
        gl.attachShader(program, fs);
        gl.bindAttribLocation(program, 0, "clipXY");
        gl.linkProgram(program);
        if (waitForLink) {
            checkLinked(program, fs, fragmentSource);
        }
        return program;
    }

    /** Throws with the compile or link log unless the program linked. */
    void checkLinked(JSObject program, JSObject fs, String source) {
        if (!Js.truthy(gl.getProgramParameter(program, Gl.LINK_STATUS))) {
            checkLost();
            String log = fs != null && !Js.truthy(gl.getShaderParameter(fs, Gl.COMPILE_STATUS))
                    ? gl.getShaderInfoLog(fs) : gl.getProgramInfoLog(program);
            throw new IllegalStateException("Failed to compile a WebGL program: " + log + "\n" + numbered(source));
        }
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            sb.append(i + 1).append(": ").append(lines[i]).append('\n');
        }
        return sb.toString();
    }

    /** Whether a program finished compiling in the background (always true without the extension). */
    boolean linkDone(JSObject program) {
        return parallelCompile == null
                || Js.truthy(gl.getProgramParameter(program, Js.completionStatus(parallelCompile)));
    }
}
