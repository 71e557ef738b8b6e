package dev.samovar.webgl.kernels;

import dev.samovar.core.Attrs;
import dev.samovar.core.Backend;
import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.webgl.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Shape and layout kernels. Reshapes share the texture (the layout is flat); the others are gather
 * programs: each output element reads the input element its coordinates map to (Transpose, Slice,
 * StridedSlice, SplitV, Unpack, Concat, Pack, GatherV2, GatherNd, PadV2, MirrorPad, Tile, Reverse,
 * BatchToSpaceND, SpaceToBatchND, DepthToSpace). Any dtype: int32 and bool tensors are read and
 * written as ints, exactly. Shapes, offsets and strides are uniforms, so one compiled program serves
 * every shape of a rank.
 *
 * <p>Left to the cpu kernel, as rare cases: a transpose whose perm repeats an axis, negative
 * paddings, TF.js's flat reads of slices with negative begins, StridedSlice's buffer-read path,
 * Concat of mixed dtypes, DepthToSpace of other than float32 rank 4. GatherV2 and GatherNd check
 * their indices as the cpu kernels do (TF.js's messages) when the index values are on the CPU;
 * indices only on the GPU are not read back (as TF.js's webgl backend, which checks only in debug
 * mode), and an index out of range then reads 0.
 */
final class TransformKernels {
    private TransformKernels() {
    }

    /** Inputs per concat program (WebGL2 guarantees 16 texture units). */
    static final int MAX_JOIN = 8;

    static void register() {
        Gpu.registerDirect("Reshape", (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            return Gpu.one(Engine.get().makeTensorFromDataId(x.dataId(), attrs.getInts("shape"), x.dtype()));
        });
        Gpu.registerDirect("Identity", (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            return Gpu.one(Engine.get().makeTensorFromDataId(x.dataId(), x.shapeRef(), x.dtype()));
        });
        Gpu.registerDirect("ExpandDims", (inputs, attrs, backend) -> {
            Tensor x = inputs[0];
            int rank = x.rank();
            int dim = attrs.getInt("dim");
            if (dim < 0) {
                dim += rank + 1;
            }
            int[] shape = new int[rank + 1];
            for (int i = 0, j = 0; i <= rank; i++) {
                shape[i] = i == dim ? 1 : x.shapeRef()[j++];
            }
            return Gpu.one(Glsl.view(x, shape));
        });
        Gpu.register("Transpose", TransformKernels::transpose);
        Gpu.register("Slice", TransformKernels::slice);
        Gpu.register("StridedSlice", TransformKernels::stridedSlice);
        Gpu.register("SplitV", TransformKernels::splitV);
        Gpu.register("Unpack", TransformKernels::unpack);
        Gpu.register("Concat", TransformKernels::concat);
        Gpu.register("Pack", TransformKernels::pack);
        Gpu.register("GatherV2", TransformKernels::gatherV2);
        Gpu.register("GatherNd", TransformKernels::gatherNd);
        Gpu.register("PadV2", TransformKernels::padV2);
        Gpu.register("MirrorPad", TransformKernels::mirrorPad);
        Gpu.register("Tile", TransformKernels::tile);
        Gpu.register("Reverse", TransformKernels::reverse);
        Gpu.register("BatchToSpaceND", TransformKernels::batchToSpace);
        Gpu.register("SpaceToBatchND", TransformKernels::spaceToBatch);
        Gpu.register("DepthToSpace", TransformKernels::depthToSpace);
    }

    // ----------------------------------------------------------------------------- permute

    private static Tensor[] transpose(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] perm = attrs.getInts("perm");
        int rank = perm.length;
        String[] in = new String[rank];
        for (int i = 0; i < rank; i++) {
            if (perm[i] < 0 || perm[i] >= rank || in[perm[i]] != null) {
                return Gpu.onCpu("Transpose", inputs, attrs);
            }
            in[perm[i]] = "c" + i;
        }
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = x.shapeRef()[perm[i]];
        }
        return Gpu.one(Program.element("Transpose", outShape, x.dtype()).constantShapes().input("A", x)
                .body("return getA(" + Glsl.join(in) + ");").run());
    }

    // ------------------------------------------------------------------------------ slices

    /** x[begin : begin + size] as a tensor of {@code outShape} (the same number of elements). */
    static Tensor sliceOf(Tensor x, int[] begin, int[] size, int[] outShape) {
        int rank = size.length;
        Program p = Program.element("Slice", size, x.dtype()).input("A", x);
        String[] in = new String[rank];
        for (int d = 0; d < rank; d++) {
            in[d] = "c" + d + " + sb" + d;
            p.shapeInt("sb" + d, begin[d]);
        }
        p.body("return getA(" + Glsl.join(in) + ");");
        return Glsl.reshape(p.run(), outShape);
    }

    private static Tensor[] slice(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        if (attrs.has("flat")) {
            return Gpu.onCpu("Slice", inputs, attrs);
        }
        int[] size = attrs.getInts("size");
        return Gpu.one(sliceOf(x, attrs.getInts("begin"), size, size));
    }

    private static Tensor[] stridedSlice(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] finalShape = attrs.getInts("finalShape");
        if (attrs.getBool("identity", false)) {
            return Gpu.one(Glsl.view(x, finalShape));
        }
        if (attrs.getBool("locs", false)) {
            return Gpu.onCpu("StridedSlice", inputs, attrs);
        }
        int[] begin = attrs.getInts("begin");
        int[] strides = attrs.getInts("strides");
        int[] shape = attrs.getInts("shape");
        int rank = shape.length;
        if (rank != x.rank()) {
            return Gpu.onCpu("StridedSlice", inputs, attrs);
        }
        Program p = Program.element("StridedSlice", shape, x.dtype()).input("A", x);
        String[] in = new String[rank];
        for (int d = 0; d < rank; d++) {
            in[d] = "ssb" + d + " + c" + d + " * sss" + d;
            p.shapeInt("ssb" + d, begin[d]).shapeInt("sss" + d, strides[d]);
        }
        p.body("return getA(" + Glsl.join(in) + ");");
        return Gpu.one(Glsl.reshape(p.run(), finalShape));
    }

    private static Tensor[] splitV(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int axis = attrs.getInt("axis");
        int[] begins = attrs.getInts("begins");
        int[] sizes = attrs.getInts("sizes");
        Tensor[] outs = new Tensor[sizes.length];
        int[] begin = new int[x.rank()];
        for (int k = 0; k < sizes.length; k++) {
            int[] size = x.shape();
            size[axis] = sizes[k];
            begin[axis] = begins[k];
            outs[k] = sliceOf(x, begin, size, size);
        }
        return outs;
    }

    private static Tensor[] unpack(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int axis = attrs.getInt("axis");
        int[] shape = x.shapeRef();
        int[] outShape = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                outShape[j++] = shape[i];
            }
        }
        int[] size = x.shape();
        size[axis] = 1;
        int[] begin = new int[shape.length];
        Tensor[] outs = new Tensor[shape[axis]];
        for (int k = 0; k < outs.length; k++) {
            begin[axis] = k;
            outs[k] = sliceOf(x, begin, size, outShape);
        }
        return outs;
    }

    // ------------------------------------------------------------------------------- joins

    /**
     * Row r of the output is row r of each input in turn, input k holding {@code inners[k]} values
     * per row ({@code outer} rows): Concat and Pack. At most {@link #MAX_JOIN} inputs per program.
     */
    static Tensor join(List<Tensor> ins, int[] inners, int outer, int[] outShape, DType dtype) {
        List<Tensor> todo = new ArrayList<>(ins);
        int[] widths = inners.clone();
        Tensor partial = null;
        int partialWidth = 0;
        int at = 0;
        while (true) {
            int room = partial == null ? MAX_JOIN : MAX_JOIN - 1;
            int take = Math.min(room, todo.size() - at);
            boolean last = at + take == todo.size();
            int n = take + (partial == null ? 0 : 1);
            Tensor[] group = new Tensor[n];
            int[] w = new int[n];
            int g = 0;
            if (partial != null) {
                group[g] = partial;
                w[g++] = partialWidth;
            }
            for (int k = 0; k < take; k++) {
                group[g] = todo.get(at + k);
                w[g++] = widths[at + k];
            }
            at += take;
            int rowLen = 0;
            for (int v : w) {
                rowLen += v;
            }
            int[] shape = last ? outShape : new int[] {outer, rowLen};
            Program p = Program.element("Concat", shape, dtype).constantShapes().shapeInt("rowlen", rowLen);
            StringBuilder body = new StringBuilder("  int row = idx / rowlen;\n  int col = idx - row * rowlen;\n");
            int off = 0;
            for (int k = 0; k < n; k++) {
                String name = "A" + k;
                p.input(name, group[k]).shapeInt("jw" + k, w[k]).shapeInt("jo" + k, off);
                if (k < n - 1) {
                    body.append("  if (col < jo").append(k).append(" + jw").append(k).append(") ");
                } else {
                    body.append("  ");
                }
                body.append("return ").append(name).append("_at(row * jw").append(k).append(" + col - jo").append(k)
                        .append(");\n");
                off += w[k];
            }
            Tensor out = p.body(body.toString()).run();
            if (partial != null) {
                partial.dispose();
            }
            if (last) {
                return out;
            }
            partial = out;
            partialWidth = rowLen;
        }
    }

    private static Tensor[] concat(Tensor[] inputs, Attrs attrs, Backend backend) {
        int axis = attrs.getInt("axis");
        DType dtype = inputs[0].dtype();
        for (Tensor t : inputs) {
            if (t.dtype() != dtype) {
                return Gpu.onCpu("Concat", inputs, attrs);
            }
        }
        int[] outShape = inputs[0].shape();
        for (int k = 1; k < inputs.length; k++) {
            outShape[axis] += inputs[k].shapeRef()[axis];
        }
        List<Tensor> nonEmpty = new ArrayList<>();
        for (Tensor t : inputs) {
            if (t.size() > 0) {
                nonEmpty.add(t);
            }
        }
        if (Gpu.size(outShape) == 0) {
            return Gpu.one(Program.element("Concat", outShape, dtype).constantShapes().body("return " + Glsl.zero(dtype) + ";").run());
        }
        if (nonEmpty.size() == 1) {
            Tensor only = nonEmpty.get(0);
            return Gpu.one(Glsl.view(only, only.shapeRef()));
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= outShape[i];
        }
        int[] inners = new int[nonEmpty.size()];
        for (int k = 0; k < inners.length; k++) {
            inners[k] = nonEmpty.get(k).size() / outer;
        }
        return Gpu.one(join(nonEmpty, inners, outer, outShape, dtype));
    }

    private static Tensor[] pack(Tensor[] inputs, Attrs attrs, Backend backend) {
        int axis = attrs.getInt("axis");
        int[] shape = inputs[0].shapeRef();
        DType dtype = inputs[0].dtype();
        int[] outShape = new int[shape.length + 1];
        for (int i = 0, j = 0; i < outShape.length; i++) {
            outShape[i] = i == axis ? inputs.length : shape[j++];
        }
        if (inputs.length == 1) {
            return Gpu.one(Glsl.view(inputs[0], outShape));
        }
        for (Tensor t : inputs) {
            if (t.dtype() != dtype) {
                return Gpu.onCpu("Pack", inputs, attrs);
            }
        }
        if (Gpu.size(outShape) == 0) {
            return Gpu.one(Program.element("Pack", outShape, dtype).constantShapes().body("return " + Glsl.zero(dtype) + ";").run());
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int[] inners = new int[inputs.length];
        java.util.Arrays.fill(inners, inputs[0].size() / outer);
        List<Tensor> list = new ArrayList<>();
        for (Tensor t : inputs) {
            list.add(t);
        }
        return Gpu.one(join(list, inners, outer, outShape, dtype));
    }

    // ----------------------------------------------------------------------------- gathers

    private static Tensor[] gatherV2(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        Tensor indices = inputs[1];
        if (indices.dtype() != DType.INT32) {
            return Gpu.onCpu("GatherV2", inputs, attrs);
        }
        int axis = attrs.getInt("axis");
        int[] xShape = x.shapeRef();
        int[] iShape = indices.shapeRef();
        int dimSize = xShape[axis];
        int[] idx = Glsl.cpuInts(indices);
        if (idx != null) {
            for (int v : idx) {
                if (v > dimSize - 1 || v < 0) {
                    return Gpu.onCpu("GatherV2", inputs, attrs);
                }
            }
        }
        int batchDims = attrs.getInt("batchDims", 0);
        int indicesRank = iShape.length;
        int xRank = xShape.length;
        if (batchDims != 0 && (batchDims < -indicesRank || batchDims > indicesRank)) {
            return Gpu.onCpu("GatherV2", inputs, attrs);
        }
        if (batchDims < 0) {
            batchDims += indicesRank;
        }
        if (batchDims > xRank || axis < batchDims) {
            return Gpu.onCpu("GatherV2", inputs, attrs);
        }
        for (int i = 0; i < batchDims; i++) {
            if (xShape[i] != iShape[i]) {
                return Gpu.onCpu("GatherV2", inputs, attrs);
            }
        }
        int[] outShape = new int[axis + (indicesRank - batchDims) + (xRank - axis - 1)];
        int k = 0;
        int batchSize = 1;
        int outerSize = 1;
        int sliceSize = 1;
        for (int i = 0; i < batchDims; i++) {
            outShape[k++] = xShape[i];
            batchSize *= xShape[i];
        }
        for (int i = batchDims; i < axis; i++) {
            outShape[k++] = xShape[i];
            outerSize *= xShape[i];
        }
        for (int i = batchDims; i < indicesRank; i++) {
            outShape[k++] = iShape[i];
        }
        for (int i = axis + 1; i < xRank; i++) {
            outShape[k++] = xShape[i];
            sliceSize *= xShape[i];
        }
        if (batchSize == 0) {
            return Gpu.onCpu("GatherV2", inputs, attrs);
        }
        int perBatch = indices.size() / batchSize;
        DType d = x.dtype();
        Program p = Program.element("GatherV2", new int[] {batchSize, outerSize, perBatch, sliceSize}, d).constantShapes()
                .input("A", x).input("I", indices).shapeInt("gouter", outerSize).shapeInt("gdim", dimSize)
                .shapeInt("gslice", sliceSize).shapeInt("gper", perBatch)
                .body("  int i = I_at(c0 * gper + c2);\n  if (i < 0 || i >= gdim) return " + Glsl.zero(d) + ";\n"
                        + "  return A_at(((c0 * gouter + c1) * gdim + i) * gslice + c3);");
        return Gpu.one(Glsl.reshape(p.run(), outShape));
    }

    private static Tensor[] gatherNd(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor params = inputs[0];
        Tensor indices = inputs[1];
        int[] pShape = params.shapeRef();
        int[] iShape = indices.shapeRef();
        int tensorRank = pShape.length;
        int indicesRank = iShape.length;
        if (indices.dtype() != DType.INT32 || tensorRank < 1 || indicesRank < 1 || params.size() == 0
                || iShape[indicesRank - 1] > tensorRank) {
            return Gpu.onCpu("GatherNd", inputs, attrs);
        }
        int sliceRank = iShape[indicesRank - 1];
        int numSlices = 1;
        for (int i = 0; i < indicesRank - 1; i++) {
            numSlices *= iShape[i];
        }
        int[] outShape = new int[indicesRank - 1 + tensorRank - sliceRank];
        System.arraycopy(iShape, 0, outShape, 0, indicesRank - 1);
        int sliceSize = 1;
        for (int i = sliceRank; i < tensorRank; i++) {
            sliceSize *= pShape[i];
            outShape[indicesRank - 1 + i - sliceRank] = pShape[i];
        }
        int[] full = Gpu.strides(pShape);
        int[] strides = new int[sliceRank];
        for (int j = 0; j < sliceRank; j++) {
            strides[j] = full[j] / sliceSize;
        }
        int limit = params.size() / sliceSize;
        int[] idx = Glsl.cpuInts(indices);
        if (idx != null) {
            for (int i = 0; i < numSlices; i++) {
                long f = 0;
                for (int j = 0; j < sliceRank; j++) {
                    f += (long) idx[i * sliceRank + j] * strides[j];
                }
                if (f < 0 || f >= limit) {
                    return Gpu.onCpu("GatherNd", inputs, attrs);
                }
            }
        }
        DType d = params.dtype();
        Program p = Program.element("GatherNd", new int[] {numSlices, sliceSize}, d).constantShapes().input("A", params)
                .input("I", indices).shapeInt("nlimit", limit).shapeInt("nslice", sliceSize);
        // The flat index decides, as TF.js's cpu kernel (its webgl program also zeroes an index
        // outside its own dimension whose flat index is in range: a case the op suite pins to the cpu).
        StringBuilder body = new StringBuilder("  int f = 0;\n");
        for (int j = 0; j < sliceRank; j++) {
            p.shapeInt("ns" + j, strides[j]);
            body.append("  f += I_at(c0 * ").append(sliceRank).append(" + ").append(j).append(") * ns").append(j)
                    .append(";\n");
        }
        body.append("  if (f < 0 || f >= nlimit) return ").append(Glsl.zero(d)).append(";\n");
        body.append("  return A_at(f * nslice + c1);");
        return Gpu.one(Glsl.reshape(p.body(body.toString()).run(), outShape));
    }

    // ------------------------------------------------------------------------ pads, tiles

    private static Tensor[] padV2(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[][] paddings = (int[][]) attrs.get("paddings");
        int rank = x.rank();
        for (int[] q : paddings) {
            if (q[0] < 0 || q[1] < 0) {
                return Gpu.onCpu("PadV2", inputs, attrs);
            }
        }
        if (rank == 0) {
            return Gpu.onCpu("PadV2", inputs, attrs);
        }
        int[] outShape = new int[rank];
        DType d = x.dtype();
        Program p = Program.element("PadV2", outShape, d).constantShapes().input("A", x);
        StringBuilder body = new StringBuilder();
        String[] in = new String[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = paddings[i][0] + x.shapeRef()[i] + paddings[i][1];
            p.shapeInt("pb" + i, paddings[i][0]).shapeInt("pn" + i, x.shapeRef()[i]);
            body.append("  int i").append(i).append(" = c").append(i).append(" - pb").append(i).append(";\n");
            body.append("  if (i").append(i).append(" < 0 || i").append(i).append(" >= pn").append(i)
                    .append(") return padv;\n");
            in[i] = "i" + i;
        }
        body.append("  return getA(").append(Glsl.join(in)).append(");");
        double c = attrs.getDouble("constantValue");
        Glsl.valueParam(p, "padv", c == 0 ? 0 : c, d);
        return Gpu.one(p.body(body.toString()).run());
    }

    private static Tensor[] mirrorPad(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[][] paddings = (int[][]) attrs.get("paddings");
        int offset = "reflect".equals(attrs.getString("mode")) ? 0 : 1;
        int rank = x.rank();
        if (rank == 0) {
            return Gpu.onCpu("MirrorPad", inputs, attrs);
        }
        int[] outShape = new int[rank];
        Program p = Program.element("MirrorPad", outShape, x.dtype()).constantShapes().input("A", x).shapeInt("moff", offset);
        StringBuilder body = new StringBuilder();
        String[] in = new String[rank];
        for (int i = 0; i < rank; i++) {
            int start = paddings[i][0];
            outShape[i] = start + x.shapeRef()[i] + paddings[i][1];
            p.shapeInt("ms" + i, start).shapeInt("me" + i, start + x.shapeRef()[i]);
            String c = "c" + i;
            String v = "v" + i;
            body.append("  int ").append(v).append(" = ").append(c).append(" < ms").append(i).append(" ? ms").append(i)
                    .append(" * 2 - ").append(c).append(" - moff : (").append(c).append(" >= me").append(i)
                    .append(" ? (me").append(i).append(" - 1) * 2 - ").append(c).append(" + moff : ").append(c)
                    .append(");\n");
            in[i] = v + " - ms" + i;
        }
        body.append("  return getA(").append(Glsl.join(in)).append(");");
        return Gpu.one(p.body(body.toString()).run());
    }

    private static Tensor[] tile(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] reps = attrs.getInts("reps");
        int rank = x.rank();
        int[] outShape = new int[rank];
        for (int d = 0; d < rank; d++) {
            outShape[d] = x.shapeRef()[d] * reps[d];
        }
        if (rank == 0) {
            return Gpu.one(Glsl.view(x, outShape));
        }
        Program p = Program.element("Tile", outShape, x.dtype()).constantShapes().input("A", x);
        String[] in = new String[rank];
        for (int d = 0; d < rank; d++) {
            p.shapeInt("tn" + d, Math.max(1, x.shapeRef()[d]));
            in[d] = "imod(c" + d + ", tn" + d + ")";
        }
        return Gpu.one(p.body("return getA(" + Glsl.join(in) + ");").run());
    }

    private static Tensor[] reverse(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int rank = x.rank();
        boolean[] flip = new boolean[rank];
        for (int d : attrs.getInts("dims")) {
            flip[d] = !flip[d];
        }
        if (rank == 0) {
            return Gpu.one(Glsl.view(x, x.shapeRef()));
        }
        Program p = Program.element("Reverse", x.shapeRef(), x.dtype()).constantShapes().input("A", x);
        String[] in = new String[rank];
        for (int d = 0; d < rank; d++) {
            // in = flip ? n - 1 - c : c, as last + sign * c.
            p.shapeInt("rl" + d, flip[d] ? x.shapeRef()[d] - 1 : 0).shapeInt("rs" + d, flip[d] ? -1 : 1);
            in[d] = "rl" + d + " + rs" + d + " * c" + d;
        }
        return Gpu.one(p.body("return getA(" + Glsl.join(in) + ");").run());
    }

    // ------------------------------------------------------------------------ space, batch

    private static Tensor[] batchToSpace(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        if (attrs.has("flat")) {
            return Gpu.onCpu("BatchToSpaceND", inputs, attrs);
        }
        int[] block = attrs.getInts("blockShape");
        int[] begin = attrs.getInts("begin");
        int[] size = attrs.getInts("size");
        int[] shape = x.shapeRef();
        int m = block.length;
        int rank = shape.length;
        int prod = 1;
        for (int b : block) {
            prod *= b;
        }
        if (size.length != rank || prod == 0) {
            return Gpu.onCpu("BatchToSpaceND", inputs, attrs);
        }
        Program p = Program.element("BatchToSpaceND", size, x.dtype()).constantShapes().input("A", x).shapeInt("bnb", shape[0] / prod);
        StringBuilder body = new StringBuilder("  int blk = 0;\n");
        String[] in = new String[rank];
        for (int d = 0; d < rank; d++) {
            p.shapeInt("bb" + d, begin[d]);
        }
        for (int i = 0; i < m; i++) {
            int d = i + 1;
            p.shapeInt("bk" + i, block[i]);
            body.append("  int q").append(i).append(" = c").append(d).append(" + bb").append(d).append(";\n");
            body.append("  int s").append(i).append(" = q").append(i).append(" / bk").append(i).append(";\n");
            body.append("  blk = blk * bk").append(i).append(" + q").append(i).append(" - s").append(i).append(" * bk")
                    .append(i).append(";\n");
            in[d] = "s" + i;
        }
        in[0] = "blk * bnb + c0 + bb0";
        for (int d = m + 1; d < rank; d++) {
            in[d] = "c" + d + " + bb" + d;
        }
        body.append("  return getA(").append(Glsl.join(in)).append(");");
        return Gpu.one(p.body(body.toString()).run());
    }

    private static Tensor[] spaceToBatch(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        int[] block = attrs.getInts("blockShape");
        int[][] paddings = (int[][]) attrs.get("paddings");
        int[] shape = x.shapeRef();
        int m = block.length;
        int rank = shape.length;
        int prod = 1;
        for (int b : block) {
            prod *= b;
        }
        for (int[] q : paddings) {
            if (q[0] < 0 || q[1] < 0) {
                return Gpu.onCpu("SpaceToBatchND", inputs, attrs);
            }
        }
        if (prod == 0 || paddings.length != rank || paddings[0][0] != 0 || paddings[0][1] != 0) {
            return Gpu.onCpu("SpaceToBatchND", inputs, attrs);
        }
        int[] outShape = new int[rank];
        outShape[0] = shape[0] * prod;
        for (int i = 1; i < rank; i++) {
            int padded = paddings[i][0] + shape[i] + paddings[i][1];
            outShape[i] = i <= m ? padded / block[i - 1] : padded;
        }
        DType d = x.dtype();
        Program p = Program.element("SpaceToBatchND", outShape, d).constantShapes().input("A", x).shapeInt("snb", Math.max(1, shape[0]));
        StringBuilder body = new StringBuilder("  int n = imod(c0, snb);\n  int r = c0 / snb;\n");
        String[] in = new String[rank];
        in[0] = "n";
        for (int i = m - 1; i >= 0; i--) {
            p.shapeInt("sk" + i, block[i]);
            body.append("  int b").append(i).append(" = imod(r, sk").append(i).append(");\n  r = r / sk").append(i)
                    .append(";\n");
        }
        for (int i = 0; i < m; i++) {
            int dim = i + 1;
            p.shapeInt("sp" + i, paddings[dim][0]).shapeInt("sn" + i, shape[dim]);
            body.append("  int p").append(i).append(" = c").append(dim).append(" * sk").append(i).append(" + b")
                    .append(i).append(" - sp").append(i).append(";\n");
            body.append("  if (p").append(i).append(" < 0 || p").append(i).append(" >= sn").append(i)
                    .append(") return ").append(Glsl.zero(d)).append(";\n");
            in[dim] = "p" + i;
        }
        for (int dim = m + 1; dim < rank; dim++) {
            // Trailing dimensions may be padded too (SpaceToBatchND pads every dimension it is given).
            p.shapeInt("tp" + dim, paddings[dim][0]).shapeInt("tn" + dim, shape[dim]);
            body.append("  int t").append(dim).append(" = c").append(dim).append(" - tp").append(dim).append(";\n");
            body.append("  if (t").append(dim).append(" < 0 || t").append(dim).append(" >= tn").append(dim)
                    .append(") return ").append(Glsl.zero(d)).append(";\n");
            in[dim] = "t" + dim;
        }
        body.append("  return getA(").append(Glsl.join(in)).append(");");
        return Gpu.one(p.body(body.toString()).run());
    }

    private static Tensor[] depthToSpace(Tensor[] inputs, Attrs attrs, Backend backend) {
        Tensor x = inputs[0];
        if (x.rank() != 4 || x.dtype() != DType.FLOAT32) {
            return Gpu.onCpu("DepthToSpace", inputs, attrs);
        }
        int bs = attrs.getInt("blockSize");
        int[] s = x.shapeRef();
        int od = s[3] / (bs * bs);
        int[] outShape = {s[0], s[1] * bs, s[2] * bs, od};
        return Gpu.one(Program.element("DepthToSpace", outShape, DType.FLOAT32).constantShapes().input("A", x).shapeInt("dbs", bs)
                .shapeInt("dod", od)
                .body("  int h = c1 / dbs;\n  int w = c2 / dbs;\n"
                        + "  return getA(c0, h, w, ((c1 - h * dbs) * dbs + c2 - w * dbs) * dod + c3);")
                .run());
    }
}
