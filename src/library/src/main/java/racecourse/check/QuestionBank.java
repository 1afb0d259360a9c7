package racecourse.check;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course's questions, read from {@code racecourse/check/questions.json} on the class path: a JSON array of
 * objects with the fields of {@link Question}. Immutable once read; thread-safe.
 */
public final class QuestionBank {
    /** Where the course's questions are kept on the class path. */
    public static final String RESOURCE = "/racecourse/check/questions.json";

    private static volatile QuestionBank standard;
    private final Map<String, Question> questions;

    private QuestionBank(Map<String, Question> questions) {
        this.questions = questions;
    }

    /** The course's own questions. */
    public static QuestionBank standard() {
        QuestionBank bank = standard;
        if (bank == null) {
            try (InputStream in = QuestionBank.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the question bank " + RESOURCE + " is missing from the class path");
                bank = read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = bank;
        }
        return bank;
    }

    /** Reads a bank; a malformed question is refused with its id and the reason. */
    public static QuestionBank read(Reader json) {
        List<Question> list;
        try {
            list = new Gson().fromJson(json, new TypeToken<List<Question>>() { }.getType());
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the question bank is not valid JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what Question's constructor refused; show the refusal itself
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException refused) throw refused;
            }
            throw e;
        }
        Map<String, Question> byId = new LinkedHashMap<>();
        for (Question raw : list == null ? List.<Question>of() : list) {
            // Gson fills records through their canonical constructor, so every check in Question has run
            if (byId.putIfAbsent(raw.id(), raw) != null) throw new IllegalArgumentException("question " + raw.id() + " appears twice");
        }
        return new QuestionBank(byId);
    }

    /** The question with this id. */
    public Optional<Question> find(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    /** The question with this id, or an error listing the ids of its lesson. */
    public Question get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no question " + id + "; "
                + (id != null && id.length() >= 2 ? "lesson " + id.substring(0, 2) + " has " + ids(id.substring(0, 2)) : "")));
    }

    /** The questions of one lesson, in order. */
    public List<Question> lesson(String lesson) {
        List<Question> out = new ArrayList<>();
        for (Question q : questions.values()) if (q.lesson().equals(lesson)) out.add(q);
        return out;
    }

    /** Every question, in order. */
    public List<Question> all() {
        return List.copyOf(questions.values());
    }

    private List<String> ids(String lesson) {
        return lesson(lesson).stream().map(Question::id).toList();
    }
}
