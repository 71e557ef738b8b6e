package dev.samovar.convert.graph;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.Converter;
import dev.samovar.convert.Request;
import dev.samovar.convert.Summary;
import dev.samovar.graph.OpList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.NodeDef;

/**
 * tf_saved_model / tf_frozen_model → tfjs_graph_model: read the graph, run the passes, check the
 * ops against the op list (--skip_op_check to override), write model.json + shards.
 */
public final class GraphConversion implements Converter {
    private final boolean savedModel;

    private GraphConversion(boolean savedModel) {
        this.savedModel = savedModel;
    }

    public static GraphConversion savedModel() {
        return new GraphConversion(true);
    }

    public static GraphConversion frozenModel() {
        return new GraphConversion(false);
    }

    public static OpList opList() {
        try (InputStream in = OpList.class.getResourceAsStream(OpList.RESOURCE)) {
            return OpList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the op list " + OpList.RESOURCE + " is missing from samovar-core", e);
        }
    }

    /** Reads the input graph as the request says. */
    public static TfGraph read(Request r, boolean savedModel) {
        try {
            return savedModel ? GraphReaders.savedModel(r.input, r.savedModelTags, r.signatureName, r.outputNodeNames)
                    : GraphReaders.frozen(r.input, r.outputNodeNames);
        } catch (IOException e) {
            throw new ConversionException(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ConversionException(m.startsWith(r.input.toString()) ? m : r.inputName + ": " + m, e);
        }
    }

    /** Unsupported ops with their nodes: "Op (nodes a, b)". */
    public static List<String> unsupported(TfGraph g, OpList ops) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (NodeDef.Builder n : g.nodes.values()) {
            if (!ops.supports(n.getOp())) {
                by.computeIfAbsent(n.getOp(), k -> new ArrayList<>()).add(n.getName());
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : by.entrySet()) {
            List<String> names = e.getValue();
            out.add(e.getKey() + " (node" + (names.size() > 1 ? "s " : " ") + String.join(", ",
                    names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ... " + names.size() + " in all" : "")
                    + ")");
        }
        return out;
    }

    @Override
    public Summary convert(Request r, Path target) {
        long t0 = System.nanoTime();
        TfGraph g = read(r, savedModel);
        int before = g.nodes.size();
        List<String> reports;
        try {
            reports = GraphOptimizer.optimize(g);
        } catch (IllegalArgumentException e) {
            throw new ConversionException(r.inputName + ": " + e.getMessage(), e);
        }
        List<String> bad = unsupported(g, opList());
        if (!bad.isEmpty() && !r.skipOpCheck) {
            throw new ConversionException(r.inputName + ": unsupported TensorFlow ops: " + String.join("; ", bad)
                    + " (--skip_op_check converts anyway)");
        }
        GraphModelWriter.Result w = GraphModelWriter.write(g, target, r.shardSize, r.quantization, r.metadata,
                g.tensorflowVersion != null ? g.tensorflowVersion : savedModel ? "SavedModel" : "frozen GraphDef");
        Summary s = new Summary();
        s.input = r.inputName;
        s.output = r.outputName;
        s.inputKind = savedModel ? "TensorFlow SavedModel" : "frozen TensorFlow GraphDef";
        s.outputKind = "TF.js graph model";
        s.weights = w.weights;
        s.sourceBytes = w.sourceBytes;
        s.writtenBytes = w.writtenBytes;
        s.files.add("model.json");
        s.files.addAll(w.shards);
        s.quantized.putAll(w.quantized);
        s.maxError.putAll(w.maxError);
        s.notes.add(before + " nodes read, " + g.nodes.size() + " written");
        s.notes.addAll(reports);
        if (!bad.isEmpty()) {
            s.notes.add("--skip_op_check: unsupported ops kept: " + String.join("; ", bad));
        }
        return s;
    }
}
