package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import dev.samovar.ops.Creation;
import dev.samovar.ops.Transform;

/**
 * TF1 control flow (Enter / Exit / Merge / Switch / NextIteration / LoopCond) and the TensorList
 * ops, as TF.js's control executor runs them. They run only in {@link ControlFlowExecutor}
 * (executeAsync): a plan that contains one makes execute() throw, as in TF.js.
 */
final class ControlFlowOps {
    private ControlFlowOps() {
    }

    static boolean isControlFlow(String op) {
        switch (op) {
            case "Enter":
            case "Exit":
            case "Merge":
            case "Switch":
            case "NextIteration":
            case "LoopCond":
            case "If":
            case "StatelessIf":
            case "While":
            case "StatelessWhile":
                return true;
            default:
                return false;
        }
    }

    private static Frames frames(GraphNode n, ExecutionContext c) {
        if (c.frames == null) {
            throw new IllegalStateException("node '" + n.name + "' (op " + n.op + ") needs model.executeAsync()");
        }
        return c.frames;
    }

    static void register() {
        OpRegistry.register("Enter", (n, in, c) -> {
            Tensor out = in[0].clone();
            frames(n, c).enterFrame(n.getString("frame_name", ""));
            return new Tensor[] {out};
        });
        OpRegistry.register("Exit", (n, in, c) -> {
            Tensor out = in[0].clone();
            frames(n, c).exitFrame();
            return new Tensor[] {out};
        });
        OpRegistry.register("NextIteration", (n, in, c) -> {
            Tensor out = in[0].clone();
            frames(n, c).nextIteration();
            return new Tensor[] {out};
        });
        OpRegistry.register("LoopCond", (n, in, c) -> new Tensor[] {in[0].clone()});
        OpRegistry.register("Merge", (n, in, c) -> {
            for (Tensor t : in) {
                if (t != null) {
                    return new Tensor[] {t.clone()};
                }
            }
            return null;
        });
        OpRegistry.register("Switch", (n, in, c) -> {
            boolean pred = in[1].dataSync()[0] != 0;
            Tensor data = in[0].isKept() ? in[0] : in[0].clone();
            return pred ? new Tensor[] {null, data} : new Tensor[] {data, null};
        });

        OpRegistry.register("TensorListReserve", (n, in, c) -> {
            TensorListValue l = new TensorListValue();
            l.elementShape = elementShape(in[0]);
            l.dtype = n.getTypeName("element_dtype");
            l.maxElements = ExecutionContext.scalarInt(in[1]);
            return new Tensor[] {c.addList(l)};
        });
        OpRegistry.register("TensorListFromTensor", (n, in, c) -> {
            TensorListValue l = new TensorListValue();
            l.elementShape = elementShape(in[1]);
            l.dtype = n.getTypeName("element_dtype");
            for (Tensor t : Transform.unstack(in[0], 0)) {
                l.items.add(t);
            }
            l.maxElements = -1;
            return new Tensor[] {c.addList(l)};
        });
        OpRegistry.register("TensorListGetItem", (n, in, c) -> {
            TensorListValue l = c.list(in[0]);
            int index = ExecutionContext.scalarInt(in[1]);
            if (index < 0 || index > l.items.size()) {
                throw new IllegalArgumentException("Trying to access element " + index + " in a list with "
                        + l.items.size() + " elements.");
            }
            Tensor item = index < l.items.size() ? l.items.get(index) : null;
            if (item == null) {
                throw new IllegalArgumentException("element at index " + index + " is null.");
            }
            return new Tensor[] {Transform.reshape(item, l.inferElementShape(elementShape(in[2])))};
        });
        OpRegistry.register("TensorListSetItem", (n, in, c) -> {
            TensorListValue l = c.list(in[0]);
            int index = ExecutionContext.scalarInt(in[1]);
            if (l.maxElements >= 0 && index >= l.maxElements) {
                throw new IllegalArgumentException("Trying to set element " + index + " in a list with max "
                        + l.maxElements + " elements.");
            }
            while (l.items.size() <= index) {
                l.items.add(null);
            }
            l.items.set(index, in[2].clone());
            return new Tensor[] {in[0].clone()};
        });
        OpRegistry.register("TensorListStack", (n, in, c) -> {
            TensorListValue l = c.list(in[0]);
            int numElements = n.getInt("num_elements", -1);
            if (numElements != -1 && l.items.size() != numElements) {
                throw new IllegalArgumentException("Operation expected a list with " + numElements
                        + " elements but got a list with " + l.items.size() + " elements.");
            }
            int[] shape = l.inferElementShape(elementShape(in[1]));
            if (l.items.isEmpty()) {
                int[] full = new int[shape.length + 1];
                System.arraycopy(shape, 0, full, 1, shape.length);
                DType dt = "int32".equals(l.dtype) ? DType.INT32 : DType.FLOAT32;
                return new Tensor[] {dt == DType.INT32 ? Creation.tensor(new int[0], full, DType.INT32)
                        : Creation.tensor(new float[0], full)};
            }
            Tensor[] parts = new Tensor[l.items.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = Transform.reshape(l.items.get(i), shape);
            }
            Tensor out = Transform.stack(parts, 0);
            for (Tensor p : parts) {
                p.dispose();
            }
            return new Tensor[] {out};
        });
    }

    /** An element-shape input: null for unknown rank (a scalar -1), else dims with -1 unknown. */
    static int[] elementShape(Tensor t) {
        int[] v = ExecutionContext.ints(t);
        if (t.rank() == 0) {
            return v[0] == -1 ? null : new int[] {v[0]};
        }
        return v;
    }
}
