package dev.samovar.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TF.js's CSVConfig: hasHeader, columnNames, columnConfigs, configuredColumnsOnly, delimiter, delimWhitespace. */
public final class CsvConfig {
    public boolean hasHeader = true;
    /** Null: from the header line. */
    public List<String> columnNames;
    /** Null or by column name. */
    public Map<String, Column> columnConfigs;
    public boolean configuredColumnsOnly;
    public char delimiter = ',';
    public boolean delimWhitespace;

    /** TF.js's ColumnConfig: required, dtype, default, isLabel. */
    public static final class Column {
        public boolean required;
        /** float32, int32, bool or null. */
        public String dtype;
        /** The value of an empty field (a Number, Boolean or String), or null. */
        public Object defaultValue;
        public boolean isLabel;

        public Column dtype(String d) {
            dtype = d;
            return this;
        }

        public Column label() {
            isLabel = true;
            return this;
        }

        public Column required() {
            required = true;
            return this;
        }

        public Column defaultValue(Object v) {
            defaultValue = v;
            return this;
        }
    }

    public CsvConfig column(String name, Column c) {
        if (columnConfigs == null) {
            columnConfigs = new LinkedHashMap<>();
        }
        columnConfigs.put(name, c);
        return this;
    }
}
