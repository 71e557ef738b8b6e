package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.samovar.core.Engine;
import dev.samovar.core.Scope;
import dev.samovar.core.Tensor;
import dev.samovar.graph.GraphModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/** Builds small graphs by hand and checks that a pass leaves what a graph computes unchanged. */
final class PassTesting {
    private PassTesting() {
    }

    static AttrValue s(String v) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(v)).build();
    }

    static AttrValue ints(long... v) {
        AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
        for (long x : v) {
            l.addI(x);
        }
        return AttrValue.newBuilder().setList(l).build();
    }

    static AttrValue f(float v) {
        return AttrValue.newBuilder().setF(v).build();
    }

    static AttrValue b(boolean v) {
        return AttrValue.newBuilder().setB(v).build();
    }

    static AttrValue floatType() {
        return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    }

    static NodeDef.Builder node(TfGraph g, String name, String op, String... inputs) {
        NodeDef.Builder n = NodeDef.newBuilder().setName(name).setOp(op).putAttr("T", floatType());
        for (String i : inputs) {
            n.addInput(i);
        }
        g.nodes.put(name, n);
        return n;
    }

    static void placeholder(TfGraph g, String name, int... shape) {
        TensorShapeProto.Builder sb = TensorShapeProto.newBuilder();
        for (int d : shape) {
            sb.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        g.nodes.put(name, NodeDef.newBuilder().setName(name).setOp("Placeholder").putAttr("dtype", floatType())
                .putAttr("shape", AttrValue.newBuilder().setShape(sb).build()));
        g.inputs.put(name + ":0", name + ":0");
        g.signatureDtypes.put(name + ":0", DataType.DT_FLOAT);
    }

    /** A float constant with values filled from a fixed formula (distinct, signed, smallish). */
    static void constant(TfGraph g, String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (((i * 37 + name.length() * 11) % 23) / 23.0 - 0.4);
        }
        g.addConst(name, new ConstTensor("float32", shape, v, null));
    }

    static void constant(TfGraph g, String name, float[] values, int... shape) {
        g.addConst(name, new ConstTensor("float32", shape, values, null));
    }

    static void output(TfGraph g, String tensor) {
        g.outputs.put(tensor, tensor);
    }

    static TfGraph copy(TfGraph g) {
        TfGraph c = new TfGraph();
        for (Map.Entry<String, NodeDef.Builder> e : g.nodes.entrySet()) {
            c.nodes.put(e.getKey(), e.getValue().build().toBuilder());
        }
        c.consts.putAll(g.consts);
        c.inputs.putAll(g.inputs);
        c.outputs.putAll(g.outputs);
        c.signatureDtypes.putAll(g.signatureDtypes);
        c.signatureShapes.putAll(g.signatureShapes);
        return c;
    }

    /** The graph's outputs on inputs made by a fixed formula (values as float arrays). */
    static List<float[]> run(TfGraph g, Map<String, int[]> inputShapes) throws IOException {
        GraphModel m = GraphTesting.roundTrip(g);
        List<float[]> out = new ArrayList<>();
        try (Scope scope = Engine.get().startScope()) {
            Map<String, Tensor> feeds = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> e : inputShapes.entrySet()) {
                int n = 1;
                for (int d : e.getValue()) {
                    n *= d;
                }
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (((i * 7919) % 1000) / 500.0 - 1);
                }
                feeds.put(e.getKey(), Engine.get().makeTensor(v, e.getValue(), dev.samovar.core.DType.FLOAT32));
            }
            Tensor[] r = m.execute(feeds, new ArrayList<>(g.outputs.keySet()));
            for (Tensor t : r) {
                out.add(t.dataSync());
            }
        } finally {
            m.dispose();
        }
        return out;
    }

    /** Runs the pass on a copy; asserts it reported a change and that outputs agree within tol (relative). */
    static TfGraph checkSameOutputs(GraphPass pass, TfGraph before, Map<String, int[]> inputs, double tol)
            throws IOException {
        List<float[]> want = run(before, inputs);
        TfGraph after = copy(before);
        String report = pass.apply(after);
        assertTrue(!report.isEmpty(), pass.name() + " changed nothing");
        List<float[]> got = run(after, inputs);
        for (int i = 0; i < want.size(); i++) {
            double d = GraphTesting.relDiff(got.get(i), want.get(i));
            assertTrue(d <= tol, pass.name() + ": output " + i + " differs by " + d + " (report: " + report + ")");
        }
        return after;
    }

    static long count(TfGraph g, String op) {
        return g.nodes.values().stream().filter(n -> n.getOp().equals(op)).count();
    }
}
