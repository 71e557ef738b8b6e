package dev.samovar.webgl;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPU program as data: named inputs, the output's shape and dtype, and a GLSL snippet written
 * over helpers that {@link ShaderGen} generates for each input. Two kinds:
 *
 * <ul>
 *   <li>{@link #element}: the snippet is the body of {@code float compute(int idx, int c0, ...)}
 *       (int for int32 / bool outputs), returning the output element at flat index {@code idx},
 *       coordinates {@code c0...}; the generated main computes the four elements of a texel.</li>
 *   <li>{@link #texel}: the snippet is the body of {@code vec4 computeTexel(int t, int x, int y)},
 *       returning the output texel {@code t} (four consecutive elements) at {@code (x, y)}.</li>
 *   <li>{@link #block}: the output, viewed as [rows, C] with C its last dimension (a multiple of
 *       4), is computed in blocks of {@link #BLOCK_ROWS} rows by four columns: the snippet is the
 *       body of {@code void computeBlock(int row0, int c4, out vec4 r0, ..., out vec4 r3)}, setting
 *       {@code rq} to the values {@code [row0 + q, 4*c4 .. 4*c4+3]} (rows past the end are computed
 *       and dropped: the snippet must keep its reads in range). Each fragment writes its four rows
 *       to four render targets at once, which are then copied side by side into the output texture
 *       (a layout with four rows per texture row, see {@link Layout}). Reading a value once for four
 *       rows is what makes matMul and convolutions cheap: see {@link #canBlock}.</li>
 * </ul>
 *
 * <p>For an input named {@code A} of rank r the helpers are {@code getA(c0, ..., c[r-1])} (one
 * element), {@code A_at(i)} (flat index), {@code A_texel(t)} (a texel by flat texel index),
 * {@code A_texelXY(x, y)}, and, when the input is row-aligned (see {@link Layout}),
 * {@code A_row(row, c4)}: the four values {@code [row, 4*c4 .. 4*c4+3]} of the input viewed as
 * [rows, lastDim]. Shapes and texture sizes are uniforms by default, so one compiled program serves
 * every shape of the same ranks; {@link #constantShapes()} bakes them into the source instead
 * (faster loops; one compile per shape, as TF.js does).
 */
public final class Program {
    /** Whether the snippet computes one element or one texel. */
    public enum Mode {
        ELEMENT, TEXEL, BLOCK
    }

    /** A named int or float parameter of the snippet: a constant in the source or a uniform. */
    static final class Param {
        final String name;
        final boolean isFloat;
        final double value;
        final boolean uniform;

        Param(String name, boolean isFloat, double value, boolean uniform) {
            this.name = name;
            this.isFloat = isFloat;
            this.value = value;
            this.uniform = uniform;
        }
    }

    final String name;
    final Mode mode;
    final int[] outShape;
    final DType outDtype;
    final List<String> inputNames = new ArrayList<>(4);
    final List<Tensor> inputs = new ArrayList<>(4);
    final List<Param> params = new ArrayList<>(4);
    String body = "";
    String functions = "";
    boolean uniformShapes = true;
    /** The output texture's width in texels; 0: {@link Layout#texShape}'s choice. */
    int outWidth;

    private Program(String name, Mode mode, int[] outShape, DType outDtype) {
        this.name = name;
        this.mode = mode;
        this.outShape = outShape;
        this.outDtype = outDtype;
    }

    /** A program computing each output element (see the class comment). */
    public static Program element(String name, int[] outShape, DType outDtype) {
        return new Program(name, Mode.ELEMENT, outShape, outDtype);
    }

    /** A program computing each output texel of four consecutive elements (see the class comment). */
    public static Program texel(String name, int[] outShape, DType outDtype) {
        return new Program(name, Mode.TEXEL, outShape, outDtype);
    }

    /** Rows of a block (see {@link #block}). */
    public static final int BLOCK_ROWS = 4;

    /** A program computing blocks of four rows by four columns (see the class comment and {@link #canBlock}). */
    public static Program block(String name, int[] outShape, DType outDtype) {
        return new Program(name, Mode.BLOCK, outShape, outDtype);
    }

    /**
     * Whether a float32 output of this shape can be computed by a {@link #block} program here: last
     * dimension a multiple of 4, at least a block of rows, four render targets, and the assembled
     * texture (C texels wide) within the texture size limits.
     */
    public static boolean canBlock(int[] outShape) {
        WebGLBackend be = WebGLBackend.getIfCreated();
        if (be == null || outShape.length == 0) {
            return false;
        }
        int c = outShape[outShape.length - 1];
        int size = 1;
        for (int d : outShape) {
            size *= d;
        }
        if (c % 4 != 0 || c == 0 || size == 0) {
            return false;
        }
        int rows = size / c;
        int max = be.maxTextureSize();
        return rows >= BLOCK_ROWS && be.maxDrawBuffers() >= BLOCK_ROWS && c <= max
                && (rows + BLOCK_ROWS - 1) / BLOCK_ROWS <= max;
    }

    /**
     * Lays the output out {@code width} texels wide (any width holds the flat layout; see
     * {@link Layout}): an elementwise program matching its input's texture reads it texel by texel
     * at the output's own position.
     */
    public Program outTextureWidth(int width) {
        this.outWidth = width;
        return this;
    }

    /** Adds an input sampled as {@code name} (a GLSL identifier: A, B, X, W, DY...). */
    public Program input(String inputName, Tensor t) {
        inputNames.add(inputName);
        inputs.add(t);
        return this;
    }

    public Program body(String glsl) {
        this.body = glsl;
        return this;
    }

    /** GLSL functions placed before the body's function. */
    public Program functions(String glsl) {
        this.functions = glsl;
        return this;
    }

    /** An int baked into the source (changes the program). */
    public Program constInt(String paramName, int value) {
        params.add(new Param(paramName, false, value, false));
        return this;
    }

    /** An int uniform (the same program serves every value). */
    public Program uniformInt(String paramName, int value) {
        params.add(new Param(paramName, false, value, true));
        return this;
    }

    /** A float uniform (NaN and infinities allowed). */
    public Program uniformFloat(String paramName, double value) {
        params.add(new Param(paramName, true, value, true));
        return this;
    }

    /** An int parameter: a constant with {@link #constantShapes()}, else a uniform. */
    public Program shapeInt(String paramName, int value) {
        params.add(new Param(paramName, false, value, uniformShapes));
        return this;
    }

    /** Bakes shapes, strides and texture sizes into the source: call before {@link #shapeInt}. */
    public Program constantShapes() {
        this.uniformShapes = false;
        return this;
    }

    /** Whether a parameter of this name was added. */
    public boolean hasParam(String paramName) {
        for (Param q : params) {
            if (q.name.equals(paramName)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the program on the webgl backend: a new tensor on the GPU. */
    public Tensor run() {
        return WebGLBackend.get().run(this);
    }
}
