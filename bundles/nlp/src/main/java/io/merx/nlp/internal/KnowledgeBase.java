package io.merx.nlp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FAQ answers per intent, with slots such as {@code {orderId}}, {@code {date}}, {@code {amount}} filled from the
 * message's entities. Stored as UTF-8 lines {@code intent<TAB>answer}; {@code #} starts a comment.
 */
final class KnowledgeBase {

    static final String DEMO_RESOURCE = "demo-knowledge-base.tsv";
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z]+)}");

    /** What a slot reads when the message did not contain it; the answer lists it as missing. */
    private static final Map<String, String> FALLBACK = Map.of(
            "orderId", "your order",
            "date", "the date you mentioned",
            "amount", "the amount",
            "trackingNumber", "your tracking number",
            "email", "your e-mail address");

    private final Map<String, String> answers;

    KnowledgeBase(Map<String, String> answers) {
        this.answers = Map.copyOf(answers);
    }

    Map<String, String> answers() {
        return answers;
    }

    /** A filled answer: the text, the template it came from, and slots the message lacked. */
    record Answer(String text, String template, List<String> missingSlots) {
    }

    /** The answer for an intent, or null when the knowledge base has none. */
    Answer answer(String intent, Map<String, String> slots) {
        String template = answers.get(intent);
        if (template == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String slot = m.group(1);
            String value = slots.get(slot);
            if (value == null) {
                if (!missing.contains(slot)) {
                    missing.add(slot);
                }
                value = FALLBACK.getOrDefault(slot, slot);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return new Answer(sb.toString(), template, missing);
    }

    static KnowledgeBase read(Path file, String parameter) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("hyper-parameter '" + parameter + "': cannot read " + file + ": "
                    + e.getMessage());
        }
    }

    static KnowledgeBase demo() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(DEMO_RESOURCE)) {
            return parse(in, DEMO_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in knowledge base is part of the bundle", e);
        }
    }

    static KnowledgeBase parse(InputStream in, String source) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException("knowledge base " + source + " line " + number
                        + ": expected 'intent<TAB>answer'");
            }
            answers.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
        }
        return new KnowledgeBase(answers);
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# intent<TAB>answer template\n");
        answers.forEach((intent, answer) -> sb.append(intent).append('\t').append(answer.replace('\n', ' '))
                .append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
