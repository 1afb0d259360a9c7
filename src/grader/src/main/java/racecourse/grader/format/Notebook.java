package racecourse.grader.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import racecourse.json.Json;

/**
 * A Jupyter notebook (nbformat 4) read into memory, with its cells and their nbgrader metadata.
 *
 * <p>Not thread-safe. The raw JSON tree is kept, so writing a notebook back changes only what was edited.
 */
public final class Notebook {
    private final Map<String, Object> root;
    private final List<Cell> cells = new ArrayList<>();

    private Notebook(Map<String, Object> root) {
        this.root = root;
        Object raw = root.get("cells");
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("not a notebook: it has no \"cells\" list");
        }
        for (Object c : list) {
            if (!(c instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("not a notebook: a cell is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> cell = (Map<String, Object>) c;
            cells.add(new Cell(cell));
        }
    }

    /** Reads a notebook file; a file that is not a notebook gets an {@link IllegalArgumentException} saying why. */
    public static Notebook read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses notebook JSON; {@code name} is used in error messages. */
    public static Notebook parse(String json, String name) {
        try {
            return new Notebook(Json.parseObject(json));
        } catch (Json.JsonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a readable notebook: " + e.getMessage(), e);
        }
    }

    /** The cells in order; edits to a cell are seen by {@link #toJson()}. */
    public List<Cell> cells() {
        return cells;
    }

    /** The notebook-level metadata object (created when absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) root.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
    }

    /** Replaces the cell list (used by the release step to drop cells). */
    public void setCells(List<Cell> newCells) {
        cells.clear();
        cells.addAll(newCells);
        List<Object> raw = new ArrayList<>();
        for (Cell c : newCells) {
            raw.add(c.raw);
        }
        root.put("cells", raw);
    }

    /** The notebook as nbformat JSON (one-space indent, as Jupyter writes it). */
    public String toJson() {
        return Json.pretty(root, 1);
    }

    /** Writes the notebook to a file. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** One cell: type, source text and metadata. Not thread-safe. */
    public static final class Cell {
        private final Map<String, Object> raw;

        Cell(Map<String, Object> raw) {
            this.raw = raw;
        }

        /** {@code code}, {@code markdown} or {@code raw}. */
        public String type() {
            return String.valueOf(raw.get("cell_type"));
        }

        /** The source as one string (nbformat allows a string or a list of lines). */
        public String source() {
            Object s = raw.get("source");
            if (s instanceof List<?> lines) {
                StringBuilder out = new StringBuilder();
                for (Object line : lines) {
                    out.append(line);
                }
                return out.toString();
            }
            return s == null ? "" : s.toString();
        }

        /** Replaces the source, stored as a list of lines as Jupyter does. */
        public void setSource(String text) {
            List<Object> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines.add(text.substring(start, i + 1));
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                lines.add(text.substring(start));
            }
            raw.put("source", lines);
        }

        /** Removes outputs and execution counts from a code cell. */
        public void clearOutputs() {
            if ("code".equals(type())) {
                raw.put("outputs", new ArrayList<>());
                raw.put("execution_count", null);
            }
        }

        /** The cell's metadata object (created when absent). */
        @SuppressWarnings("unchecked")
        public Map<String, Object> metadata() {
            return (Map<String, Object>) raw.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
        }

        /** The {@code metadata.nbgrader} object, or an empty map. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> nbgrader() {
            Object nb = metadata().get("nbgrader");
            return nb instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }

        /** True for an nbgrader solution cell. */
        public boolean isSolution() {
            return Boolean.TRUE.equals(nbgrader().get("solution"));
        }

        /** The nbgrader {@code grade_id}, or null. */
        public String gradeId() {
            Object id = nbgrader().get("grade_id");
            return id == null ? null : id.toString();
        }

        /** A racecourse-specific metadata flag such as {@code instructor}, read from {@code metadata.racecourse}. */
        public boolean racecourseFlag(String name) {
            Object rc = metadata().get("racecourse");
            return rc instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get(name));
        }
    }
}
