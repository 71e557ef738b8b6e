package dev.samovar.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one list of supported TensorFlow ops ({@code dev/samovar/graph/ops.tsv} in core's
 * resources): the runtime's {@link OpRegistry} is checked against it, the converter validates
 * graphs with it and docs/GRAPH-OPS.md is generated from it. The caller reads the text (a
 * classpath resource on the JVM); parsing runs anywhere.
 */
public final class OpList {
    public static final String RESOURCE = "/dev/samovar/graph/ops.tsv";

    /** op → {category, notes}, in file order. */
    public final Map<String, String[]> ops = new LinkedHashMap<>();

    public static OpList parse(String text) {
        OpList l = new OpList();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 2 || f[0].isEmpty()) {
                throw new IllegalArgumentException("ops.tsv line " + (i + 1) + ": expected op<TAB>category[<TAB>notes]");
            }
            if (l.ops.put(f[0], new String[] {f[1], f.length > 2 ? f[2] : ""}) != null) {
                throw new IllegalArgumentException("ops.tsv line " + (i + 1) + ": op " + f[0] + " is listed twice");
            }
        }
        return l;
    }

    public boolean supports(String op) {
        return ops.containsKey(op);
    }

    /** The docs' table (docs/GRAPH-OPS.md). */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# TensorFlow ops supported in graph models\n\n");
        sb.append("Generated from `core/src/main/resources/dev/samovar/graph/ops.tsv` by `GraphOpListTest` ")
                .append("(the runtime's op mapping and the converter's op check use the same list). ")
                .append(ops.size()).append(" ops.\n\n");
        List<String> cats = new ArrayList<>();
        for (String[] v : ops.values()) {
            if (!cats.contains(v[0])) {
                cats.add(v[0]);
            }
        }
        sb.append("| category | op | notes |\n|---|---|---|\n");
        for (String c : cats) {
            for (Map.Entry<String, String[]> e : ops.entrySet()) {
                if (e.getValue()[0].equals(c)) {
                    sb.append("| ").append(c).append(" | `").append(e.getKey()).append("` | ")
                            .append(e.getValue()[1]).append(" |\n");
                }
            }
        }
        return sb.toString();
    }
}
