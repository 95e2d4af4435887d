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
 * Answers per intent, with slots such as {@code {orderId}}, {@code {date}}, {@code {amount}} filled from the
 * message's entities, and FAQ entries (an example question and its answer) that are matched by meaning when a
 * sentence encoder is installed ({@link FaqIndex}). Stored as UTF-8 lines {@code intent<TAB>answer} and
 * {@code faq<TAB>question<TAB>answer}; {@code #} starts a comment. Only a line with three columns is an FAQ entry,
 * so every file written before FAQ entries existed reads as it did (even one with an intent called {@code faq}).
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

    static final String FAQ = "faq";

    /** One FAQ entry: an example question and the answer template it gets. */
    record Faq(String question, String answer) {
    }

    private final Map<String, String> answers;
    private final List<Faq> faqs;

    KnowledgeBase(Map<String, String> answers) {
        this(answers, List.of());
    }

    KnowledgeBase(Map<String, String> answers, List<Faq> faqs) {
        this.answers = Map.copyOf(answers);
        this.faqs = List.copyOf(faqs);
    }

    Map<String, String> answers() {
        return answers;
    }

    List<Faq> faqs() {
        return faqs;
    }

    /** A filled answer: the text, the template it came from, and slots the message lacked. */
    record Answer(String text, String template, List<String> missingSlots) {
    }

    /** The answer for an intent, or null when the knowledge base has none. */
    Answer answer(String intent, Map<String, String> slots) {
        String template = answers.get(intent);
        return template == null ? null : fill(template, slots);
    }

    /** The template with its slots filled from {@code slots}, or their fallback wording. */
    static Answer fill(String template, Map<String, String> slots) {
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
        List<Faq> faqs = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length == 3 && FAQ.equals(columns[0].trim())) {
                if (columns[1].isBlank() || columns[2].isBlank()) {
                    throw new IllegalArgumentException("knowledge base " + source + " line " + number
                            + ": expected 'faq<TAB>question<TAB>answer' with a question and an answer");
                }
                faqs.add(new Faq(columns[1].trim(), columns[2].trim()));
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException("knowledge base " + source + " line " + number
                        + ": expected 'intent<TAB>answer'");
            }
            answers.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
        }
        return new KnowledgeBase(answers, faqs);
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# intent<TAB>answer template, faq<TAB>question<TAB>answer template\n");
        answers.forEach((intent, answer) -> sb.append(intent).append('\t').append(oneColumn(answer)).append('\n'));
        faqs.forEach(faq -> sb.append(FAQ).append('\t').append(oneColumn(faq.question())).append('\t')
                .append(oneColumn(faq.answer())).append('\n'));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String oneColumn(String text) {
        return text.replace('\n', ' ').replace('\t', ' ');
    }
}
