package dev.samovar.convert.graph;

import com.google.protobuf.ByteString;
import dev.samovar.convert.ConversionException;
import dev.samovar.convert.tfjs.FileShards;
import dev.samovar.convert.tfjs.QuantizationPlan;
import dev.samovar.io.ModelJson;
import dev.samovar.io.Quantization;
import dev.samovar.io.WeightGroup;
import dev.samovar.io.WeightSpec;
import dev.samovar.io.WeightsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Writes a {@link TfGraph} as a TF.js graph model: model.json ({@code format: graph-model},
 * {@code signature}, {@code modelTopology} = the GraphDef as JSON with protobuf's JSON names, Const
 * nodes carrying only dtype and shape) and the Const values as weights, sharded and optionally
 * quantized by the shared {@link WeightsWriter}.
 */
public final class GraphModelWriter {
    private GraphModelWriter() {
    }

    public static final class Result {
        public int weights;
        public long sourceBytes;
        public long writtenBytes;
        public final List<String> shards = new ArrayList<>();
        public final Map<String, Integer> quantized = new LinkedHashMap<>();
        public final Map<String, Double> maxError = new LinkedHashMap<>();
        public String modelJson;
    }

    public static Result write(TfGraph g, Path dir, long shardSize, QuantizationPlan quant, Map<String, Object> metadata,
            String generatedBy) {
        Result r = new Result();
        ModelJson mj = new ModelJson();
        mj.format = ModelJson.GRAPH_MODEL;
        mj.generatedBy = generatedBy;
        mj.convertedBy = "Samovar converter (samovar-convert)";
        Map<String, Object> topo = new LinkedHashMap<>();
        List<Object> nodes = new ArrayList<>();
        for (NodeDef.Builder n : g.nodes.values()) {
            nodes.add(nodeJson(n, g.consts.containsKey(n.getName()) && n.getOp().equals("Const") ? g.consts.get(n.getName())
                    : null));
        }
        topo.put("node", nodes);
        topo.put("library", new LinkedHashMap<>());
        Map<String, Object> versions = new LinkedHashMap<>();
        if (g.producer != 0) {
            versions.put("producer", (double) g.producer);
        }
        topo.put("versions", versions);
        mj.modelTopology = topo;
        Map<String, Object> sig = new LinkedHashMap<>();
        sig.put("inputs", signature(g, g.inputs, ""));
        sig.put("outputs", signature(g, g.outputs, "out:"));
        mj.extra.put("signature", sig);
        if (metadata != null) {
            mj.userDefinedMetadata = metadata;
        }
        List<String> weightNames = new ArrayList<>();
        for (NodeDef.Builder n : g.nodes.values()) {
            if (n.getOp().equals("Const") && g.consts.containsKey(n.getName())) {
                weightNames.add(n.getName());
            }
        }
        try (FileShards sink = new FileShards(dir)) {
            List<WeightSpec> planned = new ArrayList<>();
            List<String> qd = new ArrayList<>();
            for (String name : weightNames) {
                ConstTensor c = g.consts.get(name);
                String q = c.dtype.equals("float32") && quant != null ? quant.dtypeFor(name) : null;
                qd.add(q);
                planned.add(new WeightSpec(name, c.shape, c.dtype, q == null ? null : new Quantization(q, 0, 1, "float32"),
                        null));
            }
            WeightsWriter writer = new WeightsWriter(1, planned, shardSize, sink);
            List<WeightSpec> written = new ArrayList<>();
            for (int i = 0; i < weightNames.size(); i++) {
                ConstTensor c = g.consts.get(weightNames.get(i));
                String q = qd.get(i);
                if (q == null) {
                    writer.writeWeight(planned.get(i), c.bytes());
                    written.add(planned.get(i));
                } else {
                    Quantization.Quantized qq = Quantization.quantize(c.f, q);
                    writer.writeWeight(planned.get(i), qq.bytes);
                    written.add(planned.get(i).withQuantization(qq.quantization));
                    r.quantized.merge(q, 1, Integer::sum);
                    if (!q.equals(Quantization.FLOAT16)) {
                        r.maxError.merge(q, qq.quantization.maxError(), Math::max);
                    }
                }
                r.weights++;
                r.sourceBytes += (long) c.size() * 4;
            }
            WeightGroup done = writer.finish();
            mj.weightsManifest.add(new WeightGroup(done.paths, written));
            r.shards.addAll(done.paths);
            r.writtenBytes = sink.bytesWritten();
        } catch (UncheckedIOException e) {
            throw new ConversionException(dir + ": " + e.getMessage(), e);
        }
        r.modelJson = mj.stringify();
        try {
            Files.writeString(dir.resolve("model.json"), r.modelJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConversionException(dir + ": cannot write model.json: " + e.getMessage(), e);
        }
        return r;
    }

    /** The model.json text of a graph without writing weights (tests of the passes run it in memory). */
    public static Map<String, Object> topologyJson(TfGraph g) {
        Map<String, Object> topo = new LinkedHashMap<>();
        List<Object> nodes = new ArrayList<>();
        for (NodeDef.Builder n : g.nodes.values()) {
            nodes.add(nodeJson(n, n.getOp().equals("Const") ? g.consts.get(n.getName()) : null));
        }
        topo.put("node", nodes);
        topo.put("library", new LinkedHashMap<>());
        topo.put("versions", new LinkedHashMap<>());
        return topo;
    }

    private static Map<String, Object> signature(TfGraph g, Map<String, String> entries, String keyPrefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String tensor = e.getValue().contains(":") ? e.getValue() : e.getValue() + ":0";
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", tensor);
            DataType dt = g.signatureDtypes.get(keyPrefix + e.getKey());
            if (dt != null && dt != DataType.DT_INVALID) {
                info.put("dtype", dt.name());
            }
            TensorShapeProto shape = g.signatureShapes.get(keyPrefix + e.getKey());
            if (shape != null) {
                info.put("tensorShape", shapeJson(shape));
            }
            out.put(e.getKey(), info);
        }
        return out;
    }

    static Map<String, Object> shapeJson(TensorShapeProto s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.getUnknownRank()) {
            m.put("unknownRank", true);
            return m;
        }
        List<Object> dims = new ArrayList<>();
        for (TensorShapeProto.Dim d : s.getDimList()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("size", String.valueOf(d.getSize()));
            dims.add(dm);
        }
        if (!dims.isEmpty()) {
            m.put("dim", dims);
        }
        return m;
    }

    static Map<String, Object> nodeJson(NodeDef.Builder n, ConstTensor value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.getName());
        m.put("op", n.getOp());
        if (n.getInputCount() > 0) {
            m.put("input", new ArrayList<>(n.getInputList()));
        }
        if (!n.getDevice().isEmpty()) {
            m.put("device", n.getDevice());
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (value != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("dtype", value.tfType().name());
            TensorShapeProto.Builder sb = TensorShapeProto.newBuilder();
            for (int d : value.shape) {
                sb.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
            }
            t.put("tensorShape", shapeJson(sb.build()));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("tensor", t);
            attrs.put("value", v);
            Map<String, Object> dt = new LinkedHashMap<>();
            dt.put("type", value.tfType().name());
            attrs.put("dtype", dt);
        } else {
            for (Map.Entry<String, AttrValue> e : n.getAttrMap().entrySet()) {
                if (e.getKey().equals("_output_shapes")) {
                    continue;
                }
                Object j = attrJson(e.getValue());
                if (j != null) {
                    attrs.put(e.getKey(), j);
                }
            }
        }
        if (!attrs.isEmpty()) {
            m.put("attr", attrs);
        }
        return m;
    }

    private static String b64(ByteString s) {
        return Base64.getEncoder().encodeToString(s.toByteArray());
    }

    static Object attrJson(AttrValue a) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (a.getValueCase()) {
            case S:
                m.put("s", b64(a.getS()));
                break;
            case I:
                m.put("i", String.valueOf(a.getI()));
                break;
            case F:
                float f = a.getF();
                m.put("f", Float.isNaN(f) ? "NaN" : Float.isInfinite(f) ? (f > 0 ? "Infinity" : "-Infinity") : (Object) (double) f);
                break;
            case B:
                m.put("b", a.getB());
                break;
            case TYPE:
                m.put("type", a.getType().name());
                break;
            case SHAPE:
                m.put("shape", shapeJson(a.getShape()));
                break;
            case FUNC:
                Map<String, Object> fn = new LinkedHashMap<>();
                fn.put("name", a.getFunc().getName());
                m.put("func", fn);
                break;
            case LIST:
                Map<String, Object> l = new LinkedHashMap<>();
                AttrValue.ListValue lv = a.getList();
                if (lv.getSCount() > 0) {
                    List<Object> s = new ArrayList<>();
                    for (ByteString b : lv.getSList()) {
                        s.add(b64(b));
                    }
                    l.put("s", s);
                }
                if (lv.getICount() > 0) {
                    List<Object> s = new ArrayList<>();
                    for (long v : lv.getIList()) {
                        s.add(String.valueOf(v));
                    }
                    l.put("i", s);
                }
                if (lv.getFCount() > 0) {
                    List<Object> s = new ArrayList<>();
                    for (float v : lv.getFList()) {
                        s.add((double) v);
                    }
                    l.put("f", s);
                }
                if (lv.getBCount() > 0) {
                    l.put("b", new ArrayList<>(lv.getBList()));
                }
                if (lv.getTypeCount() > 0) {
                    List<Object> s = new ArrayList<>();
                    for (DataType t : lv.getTypeList()) {
                        s.add(t.name());
                    }
                    l.put("type", s);
                }
                if (lv.getShapeCount() > 0) {
                    List<Object> s = new ArrayList<>();
                    for (TensorShapeProto t : lv.getShapeList()) {
                        s.add(shapeJson(t));
                    }
                    l.put("shape", s);
                }
                m.put("list", l);
                break;
            case TENSOR:
                return null;
            default:
                return null;
        }
        return m;
    }
}
