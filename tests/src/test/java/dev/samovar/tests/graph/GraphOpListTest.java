package dev.samovar.tests.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.samovar.graph.OpList;
import dev.samovar.graph.OpRegistry;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The op list (ops.tsv) is the runtime's op mapping, and docs/GRAPH-OPS.md is generated from it. */
class GraphOpListTest {
    static OpList opList() throws IOException {
        try (InputStream in = OpList.class.getResourceAsStream(OpList.RESOURCE)) {
            return OpList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void runtimeMapsExactlyTheListedOps() throws IOException {
        assertEquals(new TreeSet<>(opList().ops.keySet()), new TreeSet<>(OpRegistry.supportedOps()),
                "ops.tsv and OpRegistry differ");
    }

    @Test
    void docsTableIsGeneratedFromTheList() throws IOException {
        Path doc = Fixtures.root().resolve("docs/GRAPH-OPS.md");
        String want = opList().markdown();
        String have = Files.isRegularFile(doc) ? Files.readString(doc) : "";
        if (!want.equals(have)) {
            Files.writeString(doc, want);
        }
        assertEquals(want, have, "docs/GRAPH-OPS.md was stale and has been regenerated: commit it");
    }
}
