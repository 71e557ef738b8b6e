package dev.samovar.tests.browser;

import dev.samovar.demos.StaticServer;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The loopback site the browser tests load: samovar.js, the test pages, fixtures, node_modules. */
public final class TestSite {
    private TestSite() {
    }

    public static Path dist() {
        Path d = Fixtures.root().resolve("web/target/dist");
        if (!Files.isRegularFile(d.resolve("samovar.js"))) {
            throw new IllegalStateException("web/target/dist/samovar.js is missing: build it first (mvn install)");
        }
        return d;
    }

    public static StaticServer start() throws IOException {
        Path root = Fixtures.root();
        return new StaticServer(0)
                .mount("/dist/", dist())
                .mount("/test/", root.resolve("tests/src/test/resources/web"))
                .mount("/fixtures/", root.resolve("tests/src/test/resources/fixtures"))
                .mount("/node_modules/", root.resolve("node_modules"))
                .start();
    }
}
