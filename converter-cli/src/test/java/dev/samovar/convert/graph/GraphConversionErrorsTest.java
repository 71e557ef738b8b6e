package dev.samovar.convert.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.Request;
import dev.samovar.graph.GraphModel;
import dev.samovar.io.MemoryShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/** Bad input: malformed protobufs, unknown ops, missing weights give clear errors naming the file, node and op. */
class GraphConversionErrorsTest {
    @Test
    void malformedProtobufNamesTheFile() throws Exception {
        Path pb = Files.createTempFile("broken", ".pb");
        Files.write(pb, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        Request r = GraphTesting.request(pb, "tf_frozen_model");
        r.outputNodeNames = List.of("y");
        Path out = Files.createTempDirectory("out");
        ConversionException e = assertThrows(ConversionException.class, () -> GraphConversion.frozenModel().convert(r, out));
        assertTrue(e.getMessage().contains(pb.toString()) && e.getMessage().contains("not a GraphDef"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("model.json")));
    }

    @Test
    void unknownOpsAreNamedWithTheirNodesAndSkipOpCheckConvertsAnyway() throws Exception {
        GraphDef g = GraphDef.newBuilder()
                .addNode(NodeDef.newBuilder().setName("x").setOp("Placeholder")
                        .putAttr("dtype", PassTesting.floatType()))
                .addNode(NodeDef.newBuilder().setName("odd").setOp("FancyOp").addInput("x"))
                .addNode(NodeDef.newBuilder().setName("y").setOp("Relu").addInput("odd")).build();
        Path pb = Files.createTempFile("fancy", ".pb");
        Files.write(pb, g.toByteArray());
        Request r = GraphTesting.request(pb, "tf_frozen_model");
        r.outputNodeNames = List.of("y");
        Path out = Files.createTempDirectory("out");
        ConversionException e = assertThrows(ConversionException.class, () -> GraphConversion.frozenModel().convert(r, out));
        assertTrue(e.getMessage().contains("unsupported TensorFlow ops: FancyOp (node odd)"), e.getMessage());
        assertTrue(!Files.exists(out.resolve("model.json")), "nothing written");
        r.skipOpCheck = true;
        GraphConversion.frozenModel().convert(r, out);
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
        // The runtime refuses the model with the op and node named.
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class, () -> GraphTesting.load(out));
        assertTrue(u.getMessage().contains("FancyOp (node 'odd')"), u.getMessage());
    }

    @Test
    void missingWeightNamesTheConstNode() {
        String json = "{\"format\":\"graph-model\",\"modelTopology\":{\"node\":[{\"name\":\"w\",\"op\":\"Const\","
                + "\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"}}},{\"name\":\"x\",\"op\":\"Placeholder\"},"
                + "{\"name\":\"y\",\"op\":\"Mul\",\"input\":[\"x\",\"w\"]}]},\"weightsManifest\":[]}";
        RuntimeException e = assertThrows(RuntimeException.class, () -> GraphModel.load(json, new MemoryShards(), "m.json"));
        assertTrue(e.getMessage().contains("m.json: node 'w' (op Const) has no weight in weightsManifest"), e.getMessage());
        String badInput = json.replace("[\"x\",\"w\"]", "[\"x\",\"nowhere:0\"]");
        e = assertThrows(RuntimeException.class, () -> GraphModel.load(badInput, new MemoryShards(), "m.json"));
        assertTrue(e.getMessage().contains("node 'y' (op Mul): input 'nowhere:0' names no node of the graph"), e.getMessage());
    }
}
