package dev.samovar.demos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A small static-file server on the loopback interface: URL prefixes mapped to folders, the MIME
 * types the pages need ({@code .wasm} as application/wasm), and the cross-origin isolation headers
 * (COOP/COEP) that WebAssembly threads will need. Used by {@code bin/samovar serve} and the tests.
 */
public final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("bin", "application/octet-stream"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"));

    private final HttpServer server;
    private final Map<String, Path> mounts = new LinkedHashMap<>();

    /** Binds to 127.0.0.1 on {@code port} (0 picks a free port). */
    public StaticServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
    }

    /** Serves folder {@code dir} under URL prefix {@code prefix} ("/" or "/dist/"); first match wins. */
    public StaticServer mount(String prefix, Path dir) {
        mounts.put(prefix.endsWith("/") ? prefix : prefix + "/", dir.toAbsolutePath().normalize());
        return this;
    }

    /** Routes requests under {@code path} to {@code handler} (e.g. a test's upload endpoint); longest prefix wins. */
    public StaticServer handle(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public StaticServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + (path.startsWith("/") ? path : "/" + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Cross-Origin-Opener-Policy", "same-origin");
            ex.getResponseHeaders().set("Cross-Origin-Embedder-Policy", "require-corp");
            ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain; charset=utf-8", "Method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            Path file = resolve(path);
            if (file != null && Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (file == null || !Files.isRegularFile(file)) {
                send(ex, 404, "text/plain; charset=utf-8", ("Not found: " + path).getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, contentType(file), Files.readAllBytes(file));
        }
    }

    /** Maps a URL path to a file inside a mount, refusing anything that escapes it. */
    Path resolve(String path) {
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            String prefix = m.getKey();
            if (path.equals(prefix.substring(0, prefix.length() - 1)) || path.startsWith(prefix)) {
                String rest = path.length() >= prefix.length() ? path.substring(prefix.length()) : "";
                Path root = m.getValue();
                Path p = root.resolve(rest).normalize();
                if (!p.startsWith(root)) {
                    return null;
                }
                if (Files.exists(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
