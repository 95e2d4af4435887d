package io.merx.nlp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.merx.api.Dataset;

/**
 * Generated customer-service messages for 14 e-commerce intents, from templates with a fixed seed: licence-clean
 * (written here), with order numbers, tracking numbers, dates, amounts and e-mail addresses inside so entity
 * extraction and answer slots have something to work on. Columns {@code text} and {@code intent}.
 */
final class DemoData {

    static final Map<String, List<String>> TEMPLATES = templates();

    private static final String[] OPENERS = {"", "", "", "Hi, ", "Hello, ", "Hey, ", "Good morning, ", "Hi there. ",
        "Excuse me, "};
    private static final String[] CLOSERS = {"", "", "", " Thanks.", " Thank you!", " Please help.", " Thanks in advance.",
        " Any update?", " Cheers"};
    private static final String[] ITEMS = {"the blue jacket", "my headphones", "the coffee machine", "a pair of shoes",
        "the phone case", "the desk lamp", "my parcel", "the winter boots", "the kids bike", "a set of towels"};
    private static final String[] DATES = {"May 3", "last Monday", "March 14, 2026", "yesterday", "two weeks ago",
        "June 21", "last Friday", "October 2", "the 5th of April", "three days ago"};
    private static final String[] CITIES = {"Berlin", "Leeds", "Boston", "Lyon", "Madrid", "Toronto"};
    private static final String[] NAMES = {"anna.berg", "j.smith", "maria88", "tom.lee", "k.novak"};

    private DemoData() {
    }

    private static Map<String, List<String>> templates() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("order_status", List.of("Where is my order {order}?", "What is the status of order {order}?",
                "Can you tell me where my order is? The number is {order}.", "Has order {order} shipped yet?",
                "I placed an order on {date} and have no update, order {order}.", "Is my order {order} on its way?",
                "When will order {order} be shipped?", "Any news on my order {order}?"));
        t.put("delivery_delay", List.of("My package was supposed to arrive on {date} and it's still not here.",
                "Order {order} is late, it should have been delivered {date}.",
                "Why is my delivery taking so long? Ordered {date}.", "The parcel for order {order} is delayed again.",
                "It has been over a week and {item} has not arrived.", "Delivery was promised for {date}, still nothing.",
                "My order {order} still hasn't arrived, it's way past the delivery date."));
        t.put("track_package", List.of("How can I track my parcel? Tracking number {tracking}.",
                "The tracking number {tracking} shows no updates.", "Where do I find the tracking link for order {order}?",
                "Can you send me the tracking number for my order {order}?", "Tracking for {tracking} hasn't moved since {date}.",
                "I want to follow my shipment, how do I track it?"));
        t.put("return_item", List.of("I want to return {item} from order {order}.", "How do I send back {item}?",
                "Can I return {item}? It doesn't fit.", "I'd like to return order {order}, it's not what I expected.",
                "What is your return policy for {item}?", "Please send me a return label for order {order}.",
                "I need to return {item} I bought on {date}."));
        t.put("refund_status", List.of("When will I get my refund of {amount}?", "I returned order {order} on {date} but have not been refunded.",
                "Where is my refund for order {order}?", "I'm still waiting for the {amount} refund.",
                "How long does a refund take? I sent {item} back {date}.", "The refund of {amount} is not on my card yet."));
        t.put("cancel_order", List.of("Please cancel my order {order}.", "I want to cancel order {order}, I ordered it by mistake.",
                "Can I still cancel the order I placed {date}?", "Cancel order {order} please, I found it cheaper elsewhere.",
                "How do I cancel my order {order}?", "I changed my mind, please cancel {item}."));
        t.put("change_address", List.of("I need to change the delivery address for order {order}.",
                "Can you ship order {order} to a different address in {city}?", "I moved to {city}, please update my shipping address.",
                "Wrong address on order {order}, can I fix it?", "Please deliver my order to my office instead of my home.",
                "How can I update the address on an order that hasn't shipped?"));
        t.put("payment_failed", List.of("My payment of {amount} failed.", "The card payment for order {order} was declined.",
                "I was charged {amount} but the order says payment failed.", "Why does my payment keep failing at checkout?",
                "Payment error when paying {amount}, what should I do?", "I was charged twice for order {order}, {amount} each."));
        t.put("damaged_item", List.of("{item} arrived broken.", "The box was crushed and {item} is damaged, order {order}.",
                "I received order {order} today and {item} is cracked.", "My order arrived damaged on {date}.",
                "{item} stopped working after one day, it's defective.", "The package was soaking wet and {item} is ruined."));
        t.put("wrong_item", List.of("I received the wrong item in order {order}.", "You sent me {item} but I ordered something else.",
                "This is not what I ordered, order {order} has the wrong size.", "Wrong color delivered for order {order}.",
                "The parcel contained someone else's order.", "I got {item} instead of the one I paid for."));
        t.put("discount_code", List.of("My discount code doesn't work.", "How do I use a promo code?",
                "The voucher says expired but it should be valid until {date}.", "Can I apply a coupon to order {order} after paying?",
                "Is there a discount for first orders?", "The 20% code was not applied, I paid {amount}."));
        t.put("account_login", List.of("I can't log into my account.", "I forgot my password, my email is {email}.",
                "The password reset email never arrives at {email}.", "My account is locked after too many attempts.",
                "How do I change the email on my account to {email}?", "I can't sign in, it says wrong password."));
        t.put("speak_to_agent", List.of("I want to talk to a human.", "Can I speak to a real person please?",
                "Connect me to an agent.", "Is there a phone number I can call?", "I need to speak with customer service, not a bot.",
                "Let me talk to someone from your team."));
        t.put("complaint", List.of("This is the worst service I have ever had.", "I am extremely disappointed with your company.",
                "Terrible experience, order {order} was a disaster and nobody helps.", "I have been waiting since {date} and your support ignores me, unacceptable.",
                "Your customer service is useless, I want to file a formal complaint.", "I'm furious, this is the third time my order is messed up.",
                "I will never shop here again after how order {order} was handled."));
        return t;
    }

    /** {@code perIntent} messages per intent, deterministic for a seed. */
    static Dataset generate(int perIntent, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        List<String> intents = new ArrayList<>();
        for (int n = 0; n < perIntent; n++) {
            for (Map.Entry<String, List<String>> entry : TEMPLATES.entrySet()) {
                List<String> templates = entry.getValue();
                String body = fill(templates.get(random.nextInt(templates.size())), random);
                String text = pick(OPENERS, random) + body + pick(CLOSERS, random);
                if (random.nextInt(5) == 0) {
                    text = text.toLowerCase(Locale.ROOT);
                }
                texts.add(Character.toUpperCase(text.charAt(0)) + text.substring(1));
                intents.add(entry.getKey());
            }
        }
        return Dataset.builder().strings("text", texts.toArray(String[]::new))
                .strings("intent", intents.toArray(String[]::new)).build();
    }

    private static String fill(String template, Random random) {
        String order = switch (random.nextInt(3)) {
            case 0 -> "#" + (100_000 + random.nextInt(900_000));
            case 1 -> "ORD-" + (1_000_000 + random.nextInt(9_000_000));
            default -> Integer.toString(100_000 + random.nextInt(900_000));
        };
        String amount = String.format(Locale.ROOT, "$%d.%02d", 5 + random.nextInt(400), random.nextInt(100));
        StringBuilder tracking = new StringBuilder("1Z");
        for (int i = 0; i < 16; i++) {
            tracking.append("0123456789ABCDEFGHJKLMNPRSTUVWXY".charAt(random.nextInt(32)));
        }
        return template.replace("{order}", order).replace("{amount}", amount).replace("{date}", pick(DATES, random))
                .replace("{tracking}", tracking).replace("{item}", pick(ITEMS, random))
                .replace("{city}", pick(CITIES, random))
                .replace("{email}", pick(NAMES, random) + "@example.com");
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
