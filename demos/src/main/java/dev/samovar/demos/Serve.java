package dev.samovar.demos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/samovar serve [--port N]}: serves the browser build (samovar.js, the landing page and
 * the playground) and the demos on http://127.0.0.1:N/ until stopped.
 */
public final class Serve {
    private Serve() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 8080;
        Path root = Path.of(System.getProperty("samovar.root", ".")).toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    if (i + 1 >= args.length) {
                        usage("--port needs a number");
                    }
                    try {
                        port = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        usage("--port needs a number, got '" + args[i] + "'");
                    }
                    if (port < 0 || port > 65535) {
                        usage("--port must be between 0 and 65535, got " + port);
                    }
                    break;
                case "--help":
                case "-h":
                    usage(null);
                    break;
                default:
                    usage("unknown argument '" + args[i] + "'");
            }
        }
        Path dist = root.resolve("web/target/dist");
        if (!Files.isRegularFile(dist.resolve("samovar.js"))) {
            System.err.println("samovar serve: " + dist.resolve("samovar.js") + " is missing; build with bin/samovar serve");
            System.exit(1);
        }
        StaticServer server;
        try {
            server = site(new StaticServer(port), root).start();
        } catch (java.net.BindException e) {
            System.err.println("samovar serve: port " + port + " is in use; choose another with --port N");
            System.exit(1);
            return;
        }
        System.out.println("Samovar is served at " + server.url("/") + "  (demos: " + server.url("/demos/")
                + ", playground: " + server.url("/playground.html") + "; Ctrl-C stops)");
        Thread.currentThread().join();
    }

    /**
     * The site's mounts: the demos' generated assets (model, data) under /demos/assets/, the demo
     * pages under /demos/, the browser build (samovar.js and the web pages) under /.
     */
    public static StaticServer site(StaticServer server, Path root) {
        return server.mount("/demos/assets/", root.resolve("demos/target/assets"))
                .mount("/demos/", root.resolve("demos/src/main/webapp"))
                .mount("/", root.resolve("web/target/dist"));
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("samovar serve: " + problem);
        }
        System.err.println("usage: bin/samovar serve [--port N]   (default 8080; 0 picks a free port)");
        System.exit(problem == null ? 0 : 2);
    }
}
