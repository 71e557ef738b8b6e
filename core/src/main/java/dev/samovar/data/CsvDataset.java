package dev.samovar.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's CSVDataset over text: rows as maps of column name to Double, Integer (int32 / bool), String; {xs, ys} with labels. */
final class CsvDataset {
    private CsvDataset() {
    }

    static Dataset<Map<String, Object>> of(String text, CsvConfig config) {
        List<String> lines = Csv.lines(text);
        char delimiter = config.delimWhitespace ? ' ' : config.delimiter;
        List<String> names = config.columnNames;
        List<String> fromFile = null;
        if (config.hasHeader) {
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("No data was found for CSV parsing.");
            }
            fromFile = Csv.parseRow(lines.get(0), delimiter, config.delimWhitespace);
        }
        if (names == null && fromFile == null) {
            throw new IllegalArgumentException("Column names must be provided if there is no header line.");
        }
        if (names != null && fromFile != null && names.size() != fromFile.size()) {
            throw new IllegalArgumentException("The length of provided columnNames (" + names.size()
                    + ") does not match the length of the header line read from file (" + fromFile.size() + ").");
        }
        List<String> columns = new ArrayList<>(names != null ? names : fromFile);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : columns) {
            counts.merge(c, 1, Integer::sum);
        }
        List<String> dups = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (v > 1) {
                dups.add(k);
            }
        });
        if (!dups.isEmpty()) {
            throw new IllegalArgumentException("Duplicate column names found: " + String.join(",", dups));
        }
        Map<String, CsvConfig.Column> configs = config.columnConfigs == null ? new HashMap<>() : config.columnConfigs;
        for (String key : configs.keySet()) {
            if (!columns.contains(key)) {
                throw new IllegalArgumentException("The key \"" + key
                        + "\" provided in columnConfigs does not match any of the column names ("
                        + String.join(",", columns) + ").");
            }
        }
        List<String> body = config.hasHeader ? lines.subList(1, lines.size()) : lines;
        List<String> rows = new ArrayList<>(body);
        return Dataset.generator(() -> rows.iterator())
                .map(line -> element(line, columns, configs, config, delimiter));
    }

    static Map<String, Object> element(String line, List<String> columns, Map<String, CsvConfig.Column> configs,
            CsvConfig config, char delimiter) {
        List<String> values = Csv.parseRow(line, delimiter, config.delimWhitespace);
        if (values.size() != columns.size()) {
            throw new IllegalArgumentException("Invalid row in csv file. Should have " + columns.size()
                    + " elements in a row, but got " + String.join(",", values));
        }
        Map<String, Object> features = new LinkedHashMap<>();
        Map<String, Object> labels = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String key = columns.get(i);
            CsvConfig.Column c = configs.get(key);
            if (config.configuredColumnsOnly && c == null) {
                continue;
            }
            String value = values.get(i);
            Object parsed;
            if (value.isEmpty()) {
                if (c != null && c.defaultValue != null) {
                    parsed = c.defaultValue;
                } else if (c != null && (c.required || c.isLabel)) {
                    throw new IllegalArgumentException("Required column " + key + " is empty in this line: " + line);
                } else {
                    parsed = null;
                }
            } else {
                double num = Csv.toNumber(value);
                if (Double.isNaN(num)) {
                    parsed = c != null && "bool".equals(c.dtype) ? (Object) Csv.toBoolean(value) : value;
                } else if (c == null || c.dtype == null) {
                    parsed = num;
                } else if (c.dtype.equals("int32")) {
                    parsed = Math.floor(num);
                } else if (c.dtype.equals("bool")) {
                    parsed = Csv.toBoolean(value);
                } else {
                    parsed = num;
                }
            }
            if (c != null && c.isLabel) {
                labels.put(key, parsed);
            } else {
                features.put(key, parsed);
            }
        }
        if (labels.isEmpty()) {
            return features;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("xs", features);
        out.put("ys", labels);
        return out;
    }
}
