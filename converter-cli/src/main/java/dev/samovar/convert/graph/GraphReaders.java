package dev.samovar.convert.graph;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.ObjectReference;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** Reads frozen GraphDefs and SavedModels into a {@link TfGraph}. */
public final class GraphReaders {
    private GraphReaders() {
    }

    /** A frozen GraphDef (.pb); {@code outputNodeNames} are node names or tensor names. */
    public static TfGraph frozen(Path pb, List<String> outputNodeNames) throws IOException {
        if (outputNodeNames == null || outputNodeNames.isEmpty()) {
            throw new IllegalArgumentException("--output_node_names is required for --input_format tf_frozen_model");
        }
        GraphDef g;
        try {
            g = GraphDef.parseFrom(Files.readAllBytes(pb));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(pb + ": not a GraphDef protobuf (" + e.getMessage() + ")");
        }
        TfGraph out = fromGraphDef(g, pb.toString());
        for (NodeDef.Builder n : out.nodes.values()) {
            if (n.getOp().equals("Placeholder")) {
                String t = n.getName() + ":0";
                out.inputs.put(t, t);
                out.signatureDtypes.put(t, n.getAttrOrDefault("dtype", AttrValue.getDefaultInstance()).getType());
                if (n.containsAttr("shape")) {
                    out.signatureShapes.put(t, n.getAttrOrThrow("shape").getShape());
                }
            }
        }
        for (String o : outputNodeNames) {
            String t = o.contains(":") ? o : o + ":0";
            if (!out.nodes.containsKey(TfGraph.nodeName(t))) {
                throw new IllegalArgumentException(pb + ": --output_node_names: the graph has no node '"
                        + TfGraph.nodeName(t) + "'");
            }
            out.outputs.put(t, t);
        }
        return out;
    }

    static TfGraph fromGraphDef(GraphDef g, String where) {
        TfGraph out = new TfGraph();
        out.producer = g.getVersions().getProducer();
        for (NodeDef n : g.getNodeList()) {
            NodeDef.Builder b = n.toBuilder();
            if (out.nodes.put(n.getName(), b) != null) {
                throw new IllegalArgumentException(where + ": the node name '" + n.getName() + "' is used twice");
            }
            if (n.getOp().equals("Const") && ConstTensor.jsDtype(n.getAttrOrThrow("value").getTensor().getDtype()) != null) {
                // String constants (saver file names, ParseExample keys) are never reached by a numeric output.
                out.consts.put(n.getName(), ConstTensor.fromProto(n.getAttrOrThrow("value").getTensor(),
                        where + ": node '" + n.getName() + "'"));
            }
        }
        return out;
    }

    /** A SavedModel folder: the meta graph with {@code tags}, signature {@code signatureName}, variables from the checkpoint. */
    public static TfGraph savedModel(Path dir, List<String> tags, String signatureName) throws IOException {
        return savedModel(dir, tags, signatureName, null);
    }

    /**
     * As above; with {@code outputNodeNames} (tensorflowjs_converter 0.x's way for SavedModels) the
     * outputs are those tensors and the inputs every Placeholder they need, instead of a signature.
     */
    public static TfGraph savedModel(Path dir, List<String> tags, String signatureName, List<String> outputNodeNames)
            throws IOException {
        Path pb = dir.resolve("saved_model.pb");
        if (!Files.isRegularFile(pb)) {
            throw new IOException(dir + ": no saved_model.pb (not a SavedModel folder)");
        }
        SavedModel sm;
        try {
            sm = SavedModel.parseFrom(Files.readAllBytes(pb));
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(pb + ": not a SavedModel protobuf (" + e.getMessage() + ")");
        }
        List<String> want = tags == null || tags.isEmpty() ? List.of("serve") : tags;
        MetaGraphDef meta = null;
        List<String> available = new ArrayList<>();
        for (MetaGraphDef m : sm.getMetaGraphsList()) {
            available.add(String.join(",", m.getMetaInfoDef().getTagsList()));
            if (m.getMetaInfoDef().getTagsList().containsAll(want) && want.containsAll(m.getMetaInfoDef().getTagsList())) {
                meta = m;
            }
        }
        if (meta == null) {
            throw new IllegalArgumentException(pb + ": --saved_model_tags: no meta graph has the tags [" + String.join(",", want)
                    + "]; the tag sets are " + available);
        }
        String sigName = signatureName == null ? "serving_default" : signatureName;
        SignatureDef sig = meta.getSignatureDefMap().get(sigName);
        if (outputNodeNames != null && !outputNodeNames.isEmpty()) {
            SignatureDef.Builder sb = SignatureDef.newBuilder();
            for (String o : outputNodeNames) {
                String t = o.contains(":") ? o : o + ":0";
                sb.putOutputs(t, TensorInfo.newBuilder().setName(t).build());
            }
            GraphDef gd = meta.getGraphDef();
            TfGraph probe = fromGraphDef(gd, pb.toString());
            probe.outputs.putAll(sb.getOutputsMap().keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> k)));
            probe.prune();
            for (NodeDef.Builder n : probe.nodes.values()) {
                if (n.getOp().equals("Placeholder")) {
                    String t = n.getName() + ":0";
                    sb.putInputs(t, TensorInfo.newBuilder().setName(t).setDtype(dtypeOf(n, "dtype")).build());
                }
            }
            sig = sb.build();
        }
        if (sig == null) {
            throw new IllegalArgumentException(pb + ": --signature_name: no signature '" + sigName + "'; the signatures are "
                    + new ArrayList<>(meta.getSignatureDefMap().keySet()));
        }
        TfGraph g = fromGraphDef(meta.getGraphDef(), pb.toString());
        String tfVersion = meta.getMetaInfoDef().getTensorflowVersion();
        g.tensorflowVersion = tfVersion.isEmpty() ? null : tfVersion;
        for (Map.Entry<String, TensorInfo> e : sig.getInputsMap().entrySet()) {
            String t = e.getValue().getName();
            NodeDef.Builder ph = g.node(TfGraph.nodeName(t));
            if (ph != null && !ph.getOp().equals("Placeholder") && TfGraph.outputIndex(t) == 0) {
                // A fed tensor computed in the graph (a PlaceholderWithDefault fed by ParseExample, ...) becomes a
                // Placeholder: what computes it is not needed once it is fed.
                NodeDef.Builder p = NodeDef.newBuilder().setName(ph.getName()).setOp("Placeholder").setDevice(ph.getDevice())
                        .putAttr("dtype", AttrValue.newBuilder().setType(e.getValue().getDtype()).build());
                g.nodes.put(ph.getName(), p);
                ph = p;
            }
            if (ph != null && ph.getOp().equals("Placeholder") && e.getValue().hasTensorShape()) {
                // The signature is the declared interface (some TF 2.0 SavedModels record a scalar placeholder shape).
                ph.putAttr("shape", AttrValue.newBuilder().setShape(e.getValue().getTensorShape()).build());
            }
            g.inputs.put(e.getKey(), t);
            g.signatureDtypes.put(e.getKey(), e.getValue().getDtype());
            g.signatureShapes.put(e.getKey(), e.getValue().getTensorShape());
        }
        for (Map.Entry<String, TensorInfo> e : sig.getOutputsMap().entrySet()) {
            g.outputs.put(e.getKey(), e.getValue().getName());
            g.signatureDtypes.put("out:" + e.getKey(), e.getValue().getDtype());
            g.signatureShapes.put("out:" + e.getKey(), e.getValue().getTensorShape());
        }
        Map<String, FunctionDef> functions = new HashMap<>();
        for (FunctionDef f : meta.getGraphDef().getLibrary().getFunctionList()) {
            functions.put(f.getSignature().getName(), f);
        }
        // Captured variables of the called functions (TF2): the last inputs of a call are object-graph nodes.
        Map<String, String> handleKeys = new HashMap<>();
        SavedObjectGraph og = meta.getObjectGraphDef();
        Map<Integer, String> paths = objectPaths(og);
        for (NodeDef.Builder n : g.nodes.values()) {
            if (isCall(n.getOp())) {
                String f = n.getAttrOrThrow("f").getFunc().getName();
                if (og.getConcreteFunctionsMap().containsKey(f)) {
                    List<Integer> bound = og.getConcreteFunctionsMap().get(f).getBoundInputsList();
                    int first = n.getInputCount() - bound.size();
                    for (int k = 0; k < bound.size(); k++) {
                        String handle = TfGraph.nodeName(n.getInput(first + k));
                        String path = paths.get(bound.get(k));
                        if (path != null) {
                            handleKeys.put(handle, path + "/.ATTRIBUTES/VARIABLE_VALUE");
                        }
                    }
                }
            }
        }
        g.prune();
        FunctionInliner.inline(g, functions);
        TensorBundle bundle = null;
        Path vars = dir.resolve("variables/variables");
        if (Files.isRegularFile(Path.of(vars + ".index"))) {
            bundle = new TensorBundle(vars);
        }
        replaceVariables(g, bundle, handleKeys, pb.toString());
        return g;
    }

    static boolean isCall(String op) {
        return op.equals("StatefulPartitionedCall") || op.equals("PartitionedCall");
    }

    /** Object-graph node id → path of local names from the root ("layer_with_weights-0/kernel"). */
    private static Map<Integer, String> objectPaths(SavedObjectGraph og) {
        Map<Integer, String> paths = new LinkedHashMap<>();
        if (og.getNodesCount() == 0) {
            return paths;
        }
        paths.put(0, "");
        List<Integer> work = new ArrayList<>(List.of(0));
        while (!work.isEmpty()) {
            int id = work.remove(0);
            SavedObject o = og.getNodes(id);
            for (ObjectReference c : o.getChildrenList()) {
                if (!paths.containsKey(c.getNodeId())) {
                    String p = paths.get(id);
                    paths.put(c.getNodeId(), p.isEmpty() ? c.getLocalName() : p + "/" + c.getLocalName());
                    work.add(c.getNodeId());
                }
            }
        }
        return paths;
    }

    /** Variables (VariableV2, VarHandleOp + ReadVariableOp) become Const nodes holding the checkpoint values. */
    private static void replaceVariables(TfGraph g, TensorBundle bundle, Map<String, String> handleKeys, String where)
            throws IOException {
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            String op = n.getOp();
            if (op.equals("VariableV2") || op.equals("Variable")) {
                if (bundle == null) {
                    throw new IOException(where + ": variable '" + n.getName() + "' but no variables/variables.index");
                }
                String name = n.getName();
                g.remove(name);
                NodeDef.Builder c = g.addConst(name, bundle.read(name));
                c.setDevice(n.getDevice());
            }
        }
        for (NodeDef.Builder n : new ArrayList<>(g.nodes.values())) {
            if (n.getOp().equals("ReadVariableOp") || n.getOp().equals("ResourceGather")) {
                String handle = TfGraph.nodeName(n.getInput(0));
                NodeDef.Builder h = g.node(handle);
                if (h == null) {
                    continue;
                }
                String key = handleKeys.get(handle);
                if (key == null && h.getOp().equals("VarHandleOp")) {
                    String shared = h.getAttrOrDefault("shared_name", AttrValue.getDefaultInstance()).getS().toStringUtf8();
                    key = bundle != null && bundle.entries.containsKey(shared) ? shared : null;
                }
                if (key == null) {
                    continue;
                }
                if (bundle == null) {
                    throw new IOException(where + ": variable '" + handle + "' but no variables/variables.index");
                }
                if (n.getOp().equals("ReadVariableOp")) {
                    String name = n.getName();
                    List<String> controls = new ArrayList<>();
                    for (String in : n.getInputList()) {
                        if (in.startsWith("^")) {
                            controls.add(in);
                        }
                    }
                    g.remove(name);
                    g.addConst(name, bundle.read(key));
                }
            }
        }
        g.prune();
        for (NodeDef.Builder n : g.nodes.values()) {
            if (n.getOp().equals("VarHandleOp") || n.getOp().equals("VariableV2")) {
                throw new IllegalArgumentException(where + ": variable '" + n.getName() + "' (op " + n.getOp()
                        + ") has no value in the checkpoint");
            }
        }
    }

    static DataType dtypeOf(NodeDef.Builder n, String attr) {
        return n.getAttrOrDefault(attr, AttrValue.getDefaultInstance()).getType();
    }
}
