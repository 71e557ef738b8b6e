package dev.samovar.convert.tfjs;

import dev.samovar.convert.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which weights get which quantization, from the {@code --quantize_uint8/uint16/float16} flags as
 * tensorflowjs_converter reads them: each flag takes comma-separated shell-style wildcards matched
 * against the whole weight name ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}), or nothing to
 * mean every weight not matched by another flag (only one flag may be given without wildcards).
 * A weight matched by two flags is an error. Only float32 weights are quantized.
 */
public final class QuantizationPlan {
    private final Map<String, List<String>> patterns = new LinkedHashMap<>();
    private final Map<String, List<Pattern>> compiled = new LinkedHashMap<>();
    private String fallthrough;
    private final Map<String, Integer> matchCounts = new LinkedHashMap<>();

    /** @param dtype uint8, uint16 or float16; {@code wildcards} null or empty = all remaining weights */
    public void add(String dtype, String wildcards) {
        if (wildcards == null || wildcards.isEmpty()) {
            if (fallthrough != null) {
                throw new UsageException("--quantize_" + fallthrough + " and --quantize_" + dtype
                        + " are both given without weight names: only one quantization can apply to all remaining weights");
            }
            fallthrough = dtype;
            return;
        }
        for (String w : wildcards.split(",")) {
            String p = w.trim();
            if (p.isEmpty()) {
                continue;
            }
            patterns.computeIfAbsent(dtype, k -> new ArrayList<>()).add(p);
            compiled.computeIfAbsent(dtype, k -> new ArrayList<>()).add(glob(p));
            matchCounts.put(dtype + " " + p, 0);
        }
    }

    public boolean isEmpty() {
        return fallthrough == null && patterns.isEmpty();
    }

    /** Python's fnmatch translated to a regex (whole-name match; {@code *} crosses '/'). */
    static Pattern glob(String p) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i++);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < p.length() && p.charAt(j) == '!') {
                    j++;
                }
                if (j < p.length() && p.charAt(j) == ']') {
                    j++;
                }
                while (j < p.length() && p.charAt(j) != ']') {
                    j++;
                }
                if (j >= p.length()) {
                    sb.append("\\[");
                } else {
                    String set = p.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    sb.append('[').append(set).append(']');
                }
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    /** The quantization dtype for a float32 weight, or null. */
    public String dtypeFor(String weightName) {
        String found = null;
        String foundPattern = null;
        for (Map.Entry<String, List<Pattern>> e : compiled.entrySet()) {
            List<Pattern> ps = e.getValue();
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).matcher(weightName).matches()) {
                    String pat = patterns.get(e.getKey()).get(i);
                    matchCounts.merge(e.getKey() + " " + pat, 1, Integer::sum);
                    if (found != null && !found.equals(e.getKey())) {
                        throw new UsageException("weight '" + weightName + "' matches both --quantize_" + found + " '"
                                + foundPattern + "' and --quantize_" + e.getKey() + " '" + pat + "'");
                    }
                    found = e.getKey();
                    foundPattern = pat;
                }
            }
        }
        return found != null ? found : fallthrough;
    }

    /** Wildcards that matched no weight ("uint8 conv*"), to warn about. */
    public List<String> unmatched() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : matchCounts.entrySet()) {
            if (e.getValue() == 0) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
